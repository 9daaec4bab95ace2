/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Must be refused (Documentation/ivshmem.md): a cell that maps link 1's
 * memory as SHARED without declaring the link. `warden config check` and
 * `warden cell create` reject it while the root declares link 1.
 */
#include "cell-mem.h"

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[3];
	struct wd_device dev[0];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = "shm-nolink",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.cpu_set = 1ull << 2,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(QEMU_VIRT_CELL_RAM1,
				     QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(QEMU_VIRT_CELL_COMM1),
			CELL_MEM_SHM(QEMU_VIRT_LINK1_MEM),
		},
};
