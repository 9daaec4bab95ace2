/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Body of the RTOS cells (rtos.c, rtos-overload.c, freertos-demo.c): CPU
 * 2, 16 MiB of the cell pool at guest-physical 0x40000000, the comm region
 * at 0x80000000 carrying the task set RTOS_CELL_TASKSET
 * (include/warden/rt_taskset.h). The including file defines
 * RTOS_CELL_NAME and RTOS_CELL_TASKSET, and may define RTOS_CELL_CPU,
 * RTOS_CELL_RAM, RTOS_CELL_COMM (pool slots) and RTOS_CELL_FLAGS.
 */
#include "cell-mem.h"
#include <warden/rtos.h>
#include <warden/rt_taskset.h>

#ifndef RTOS_CELL_CPU
#define RTOS_CELL_CPU 2
#define RTOS_CELL_RAM QEMU_VIRT_CELL_RAM1
#define RTOS_CELL_COMM QEMU_VIRT_CELL_COMM1
#endif
#ifndef RTOS_CELL_FLAGS
#define RTOS_CELL_FLAGS 0
#endif

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_rt_taskset rt;
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = RTOS_CELL_NAME,
			.flags = WD_CELL_RT_TASKSET | RTOS_CELL_FLAGS,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.cpu_set = 1ull << RTOS_CELL_CPU,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(RTOS_CELL_RAM, QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(RTOS_CELL_COMM),
		},
	.rt = RTOS_CELL_TASKSET,
};
