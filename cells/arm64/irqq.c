/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell for the irqqueue inmate (the handover scenario): CPU 3, 16 MiB of
 * RAM at guest-physical 0x40000000, the comm page at 0x80000000, and
 * INTIDs 240..247, SPIs no device drives, which the inmate makes pending
 * itself. Inmate: out/arm64/inmates/irqqueue.bin.
 */
#include "cell-mem.h"

static const struct {
	struct wd_header hdr;
	struct wd_cell cell;
	struct wd_mem_region mem[2];
	struct wd_device dev[0];
	wd_u32 irqs[8];
} config WD_CONFIG_SECTION = {
	.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),
	.cell =
		{
			.name = "irqq",
			.num_mem_regions = WD_ARRAY_SIZE(config.mem),
			.num_irqs = WD_ARRAY_SIZE(config.irqs),
			.cpu_set = 1ull << 3,
			.entry = QEMU_VIRT_GUEST_RAM,
		},
	.mem =
		{
			CELL_MEM_RAM(QEMU_VIRT_CELL_RAM0,
				     QEMU_VIRT_CELL_RAM_SIZE),
			CELL_MEM_COMM(QEMU_VIRT_CELL_COMM0),
		},
	.irqs = {QEMU_VIRT_IRQQ_SPI_FIRST, QEMU_VIRT_IRQQ_SPI_FIRST + 1,
		 QEMU_VIRT_IRQQ_SPI_FIRST + 2, QEMU_VIRT_IRQQ_SPI_FIRST + 3,
		 QEMU_VIRT_IRQQ_SPI_FIRST + 4, QEMU_VIRT_IRQQ_SPI_FIRST + 5,
		 QEMU_VIRT_IRQQ_SPI_FIRST + 6, QEMU_VIRT_IRQQ_SPI_FIRST + 7},
};
