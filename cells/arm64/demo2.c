/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Second demo cell for QEMU virt, to run beside `demo`: CPU 2, the next
 * 16 MiB of the cell pool seen at guest-physical 0x40000000 (so the same
 * inmate images run in both), its comm region page at 0x80000000.
 */
#include <warden/config.h>

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[0];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_KIND_CELL, config),
	.cell =
		{
			.name = "demo2",
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
		},
};
