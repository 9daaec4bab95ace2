// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * GIC for AArch32 inmates: v2 through the memory-mapped CPU interface
 * (Warden's virtual one), v3 through the AArch32 ICC registers (CP15;
 * ICC_SGI1R is the 64-bit MCRR p15, 0, c12 that Warden traps). The comm
 * region says which and where (gic_version, gicd/gicc/gicr_base).
 */
#include <warden/config.h>

#include "a32.h"

#define GICD_CTLR 0x0000
#define GICD_ISENABLER 0x0100
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR 0x0800
#define GICD_SGIR 0x0f00
#define GICD_CTLR_EN 3 /* v2: groups 0 and 1; v3: Group 1 (ARE set) */

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

#define GICR_TYPER 0x0008
#define GICR_TYPER_LAST (1u << 4)
#define GICR_FRAME 0x20000u
#define GICR_SGI_BASE 0x10000u

#define PRIO 0xa0

static uintptr_t gicd, gicc, redist;

uint32_t a32_gic_version(void)
{
	return a32_comm->gic_version;
}

/* MPIDR Aff2.Aff1.Aff0 as GICR_TYPER[63:32] has it (Aff3 is 0 here). */
static uintptr_t find_redistributor(void)
{
	uint32_t aff = cp15_read(0, c0, c0, 5) & 0xffffff;
	uintptr_t frame = (uintptr_t)a32_comm->gicr_base;

	for (int i = 0; i < 256; i++, frame += GICR_FRAME) {
		if (mmio_read32(frame + GICR_TYPER + 4) == aff)
			return frame;
		if (mmio_read32(frame + GICR_TYPER) & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

/* ICC_SRE (c12, c12, 5) SRE; PMR (c4, c6, 0); IGRPEN1 (c12, c12, 7). */
static int gicv3_cpu_init(void)
{
	redist = find_redistributor();
	if (!redist)
		return -1;
	if (a32_bare())
		a32_bare_gic_cpu(redist);
	cp15_write(0, c12, c12, 5, cp15_read(0, c12, c12, 5) | 1);
	isb();
	cp15_write(0, c4, c6, 0, 0xff);
	cp15_write(0, c12, c12, 7, 1);
	isb();
	return 0;
}

int a32_gic_init(void)
{
	gicd = (uintptr_t)a32_comm->gicd_base;
	gicc = (uintptr_t)a32_comm->gicc_base;
	if (a32_gic_version() == WD_GIC_V3)
		return gicv3_cpu_init();
	mmio_write32(gicc + GICC_PMR, 0xff);
	mmio_write32(gicc + GICC_CTLR, 1);
	return 0;
}

/* SGIs and PPIs live in the redistributor on v3, in the GICD on v2. */
uintptr_t a32_gic_ppi_base(void)
{
	return a32_gic_version() == WD_GIC_V3 ? redist + GICR_SGI_BASE : gicd;
}

void a32_gic_enable(uint32_t intid)
{
	uintptr_t base = intid < 32 ? a32_gic_ppi_base() : gicd;

	if (a32_bare())
		a32_bare_gic_enable(base, intid);
	mmio_write8(base + GICD_IPRIORITYR + intid, PRIO);
	if (a32_gic_version() == WD_GIC_V2 && intid >= 32)
		mmio_write8(gicd + GICD_ITARGETSR + intid,
			    mmio_read32(gicd + GICD_ITARGETSR) & 0xff);
	mmio_write32(base + GICD_ISENABLER + intid / 32 * 4,
		     1u << (intid % 32));
	if (intid >= 32)
		mmio_write32(gicd + GICD_CTLR,
			     mmio_read32(gicd + GICD_CTLR) | GICD_CTLR_EN);
}

/*
 * ICC_IAR1: c12, c12, 0; ICC_EOIR1: c12, c12, 1. The raw IAR value goes
 * back to EOIR (v2 SGIs carry their source CPU in bits 12..10).
 */
uint32_t a32_gic_ack(void)
{
	if (a32_gic_version() == WD_GIC_V3)
		return cp15_read(0, c12, c12, 0) & 0xffffff;
	return mmio_read32(gicc + GICC_IAR) & 0x1fff;
}

void a32_gic_eoi(uint32_t iar)
{
	if (a32_gic_version() == WD_GIC_V3)
		cp15_write(0, c12, c12, 1, iar);
	else
		mmio_write32(gicc + GICC_EOIR, iar);
}

/*
 * v3: ICC_SGI1R with Aff1..3 of this CPU and its Aff0 bit in the target
 * list; v2: GICD_SGIR, TargetListFilter 2 (this CPU only).
 */
void a32_gic_sgi_self(uint32_t sgi)
{
	uint32_t mpidr = cp15_read(0, c0, c0, 5);
	uint64_t v;

	if (a32_gic_version() == WD_GIC_V2) {
		mmio_write32(gicd + GICD_SGIR, 2u << 24 | sgi);
		return;
	}
	v = (uint64_t)((mpidr >> 16) & 0xff) << 32 |
	    (uint64_t)((mpidr >> 8) & 0xff) << 16 | (uint64_t)sgi << 24 |
	    1u << (mpidr & 0xf);
	cp15_write64(0, c12, v);
	isb();
}

void a32_irq_handler(void)
{
	uint32_t iar;

	while ((iar = a32_gic_ack()) % 1024 < A32_SPURIOUS) {
		a32_irq(iar % 1024);
		a32_gic_eoi(iar);
	}
}
