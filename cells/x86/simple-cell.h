/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Body of a plain one-CPU x86 cell for QEMU q35 (configs/x86/qemu-q35.c):
 * CELL_CPU, 4 MiB of the cell pool at CELL_RAM_PHYS seen at
 * guest-physical 0 (the inmate is loaded and entered at 0x100000,
 * Documentation/inmate-abi.md), the comm region page at CELL_COMM_PHYS
 * seen at 0x80000000. CELL_PIO (optional): the platform's port ranges the
 * cell owns, a mask of platform.x86.pio[] indices.
 */
#include <warden/config.h>

#define Q35_POOL_BASE 0x3c000000ull
#define X86_CELL_RAM_SIZE 0x400000ull
#define X86_CELL_ENTRY 0x100000ull
#define X86_CELL_COMM 0x80000000ull
#ifndef CELL_PIO
#define CELL_PIO 0
#endif

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_X86, WD_KIND_CELL, config),
	.cell =
		{
			.name = CELL_NAME,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.cpu_set = 1ull << CELL_CPU,
			.entry = X86_CELL_ENTRY,
			.pio_ranges = CELL_PIO,
		},
	.mem =
		{
			{.phys_start = Q35_POOL_BASE + (CELL_RAM_PHYS),
			 .virt_start = 0,
			 .size = X86_CELL_RAM_SIZE,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |
				  WD_MEM_LOADABLE},
			{.phys_start = Q35_POOL_BASE + (CELL_COMM_PHYS),
			 .virt_start = X86_CELL_COMM,
			 .size = 0x1000,
			 .flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM},
		},
};
