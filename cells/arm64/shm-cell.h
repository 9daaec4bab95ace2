/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Body of the two peers of link 2 (shm-a.c, shm-b.c; the handover
 * scenario): a plain one-CPU cell (as simple-cell.h) plus link 2's
 * memory, 1 MiB at 0x7ec00000 in the cell pool, seen at guest-physical
 * 0x50000000. The root is no peer: when the last of the two is
 * destroyed, Warden scrubs it. The including file defines CELL_NAME,
 * CELL_CPU, CELL_RAM_PHYS, CELL_COMM_PHYS and CELL_DOORBELL (its doorbell
 * SPI). Inmate: out/arm64/inmates/shmkeep.bin.
 */
#include "cell-mem.h"

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[3];
	struct wd_device dev[0];
	struct wd_link links[1];
	wd_u32 irqs[1];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = CELL_NAME,
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_links = WD_ARRAY_SIZE(config.links),
			.num_irqs = WD_ARRAY_SIZE(config.irqs),
			.cpu_set = 1ull << CELL_CPU,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(CELL_RAM_PHYS, QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(CELL_COMM_PHYS),
			CELL_MEM_SHM(QEMU_VIRT_LINK2_MEM),
		},
	.links = {{.id = 2, .mem_index = 2, .doorbell_irq = CELL_DOORBELL}},
	.irqs = {CELL_DOORBELL},
};
