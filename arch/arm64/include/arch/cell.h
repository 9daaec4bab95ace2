/* SPDX-License-Identifier: GPL-2.0 */
/* arm64 part of a cell. */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <warden/config.h>
#include <wd/types.h>

/* INTIDs a GIC distributor can describe (32 * (ITLinesNumber + 1)). */
#define GIC_MAX_IRQS 1024
#define GIC_IRQ_WORDS (GIC_MAX_IRQS / 32)
/* SPIs a cell config can name: irqs[] plus one per device. */
#define GIC_CELL_MAX_SPIS (WD_MAX_IRQS + WD_MAX_DEVICES)

/* How the root had an SPI configured before a cell took it. */
struct gic_saved_spi {
	u16 intid;
	u8 priority;
	u8 config; /* GICD_ICFGR field, 2 bits */
};

struct arch_cell {
	u64 vttbr; /* stage-2 root | VMID */
	/* WD_CELL_DIRECT_IRQ: its CPUs run with HCR_EL2.IMO clear. */
	bool direct_irq;
	/*
	 * SPIs this cell owns, one bit per INTID (word 0, SGIs and PPIs, is
	 * never used: those follow the CPUs). Changed only under the vgic
	 * lock; the distributor emulation reads it without the lock.
	 */
	u32 spis[GIC_IRQ_WORDS];
	u32 num_saved;
	struct gic_saved_spi saved[GIC_CELL_MAX_SPIS];
};

#endif
