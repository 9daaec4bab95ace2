/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell that is no peer of link 1 (Documentation/ivshmem.md): CPU 2,
 * demo2's memory, no link and no shared region. Its inmate
 * (shm-intruder.bin) tries to ring link 1 and to read its memory.
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
			.name = "intruder",
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
