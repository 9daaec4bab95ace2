/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Echo cell for QEMU virt (Documentation/ivshmem.md): CPU 3, 16 MiB of
 * RAM at guest-physical 0x40000000, the comm page at 0x80000000, and
 * link 1's memory (shared with the root, 0x7ee00000, 1 MiB) at
 * 0x50000000. Its doorbell is INTID 225, an SPI no device drives.
 * Inmate: out/arm64/inmates/echo.bin.
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
			.name = "echo",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_links = WD_ARRAY_SIZE(config.links),
			.num_irqs = WD_ARRAY_SIZE(config.irqs),
			.cpu_set = 1ull << 3,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(QEMU_VIRT_CELL_RAM0,
				     QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(QEMU_VIRT_CELL_COMM0),
			CELL_MEM_SHM(QEMU_VIRT_LINK1_MEM),
		},
	.links = {{.id = 1,
		   .mem_index = 2,
		   .doorbell_irq = QEMU_VIRT_DOORBELL_ECHO}},
	/* the doorbell: listing it hands the SPI to the cell */
	.irqs = {QEMU_VIRT_DOORBELL_ECHO},
};
