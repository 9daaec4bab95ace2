/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Body of the colouring cells (colour-*.c, Documentation/colouring.md): one
 * CPU, RAM at guest-physical 0x40000000 (where inmates are linked) and the
 * comm page at 0x80000000. The including file defines:
 *   COLOUR_CELL_NAME, COLOUR_CELL_CPU
 *   COLOUR_CELL_COLOURS, COLOUR_CELL_BANKS  (0, 0: not coloured)
 *   COLOUR_CELL_RAM_SIZE
 *   COLOUR_CELL_RAM_FROM   coloured: where the RAM's frames start to be
 *                          taken; otherwise the RAM's physical address
 *   COLOUR_CELL_COMM_FROM  the same for the comm page
 * On QEMU virt (32 colours, 4 banks: qemu-virt-common.h) the fixed cells
 * (demo, demo2, rtos, rtc) use 0x77000000-0x79ffffff and the last pages
 * of the pool; coloured RAM takes its frames from 0x7a000000 on and comm
 * pages from 0x7e000000 on, so both kinds can run side by side.
 */
#include "cell-mem.h"

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[0];
	wd_u32 irqs[0];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = COLOUR_CELL_NAME,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.cpu_set = 1ull << COLOUR_CELL_CPU,
			.colours = COLOUR_CELL_COLOURS,
			.banks = COLOUR_CELL_BANKS,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(COLOUR_CELL_RAM_FROM,
				     COLOUR_CELL_RAM_SIZE),
			CELL_MEM_COMM(COLOUR_CELL_COMM_FROM),
		},
};
