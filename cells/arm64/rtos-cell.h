/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Body of the RTOS cells (rtos.c, rtos-overload.c): CPU 2, 16 MiB of the
 * cell pool at guest-physical 0x40000000, the comm region at 0x80000000
 * carrying the task set RTOS_CELL_TASKSET (include/warden/rt_taskset.h).
 * The including file defines RTOS_CELL_NAME and RTOS_CELL_TASKSET.
 */
#include "cell-mem.h"
#include <warden/rtos.h>
#include <warden/rt_taskset.h>

#ifndef RTOS_CELL_FLAGS
#define RTOS_CELL_FLAGS WD_CELL_RT_TASKSET
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
			.flags = RTOS_CELL_FLAGS,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.cpu_set = 1ull << 2,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(QEMU_VIRT_CELL_RAM1,
				     QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(QEMU_VIRT_CELL_COMM1),
		},
	.rt = RTOS_CELL_TASKSET,
};
