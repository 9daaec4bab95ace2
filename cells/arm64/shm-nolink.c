/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Must be refused (Documentation/ivshmem.md): a cell that maps link 1's
 * memory as SHARED without declaring the link. `warden config check` and
 * `warden cell create` reject it while the root declares link 1.
 */
#include <warden/config.h>

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
			.entry = 0x40000000,
		},
	.mem =
		{
			{.phys_start = 0x78000000,
			 .virt_start = 0x40000000,
			 .size = 0x01000000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |
				  WD_MEM_LOADABLE},
			{.phys_start = 0x7effe000,
			 .virt_start = 0x80000000,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM},
			{.phys_start = 0x7ee00000,
			 .virt_start = 0x50000000,
			 .size = 0x00100000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED},
		},
};
