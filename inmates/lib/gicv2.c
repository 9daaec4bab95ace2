// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 at EL1: memory-mapped CPU interface. In a Warden cell the
 * interface at PLATFORM_GICC_BASE is the virtual one (GICV), which has the
 * same registers at the same offsets, and the distributor is Warden's
 * filtered view, so the code writes only what it needs.
 */
#include <inmate/gic.h>
#include <inmate/platform.h>
#include "gic_regs.h"

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

#define GICD_CTLR_ENABLE 1u
/*
 * EnableGrp0 | EnableGrp1 as laid out in the virtual interface and in a
 * GIC without Security Extensions; FIQEn stays 0 so both groups are IRQs.
 */
#define GICC_CTLR_ENABLE_BOTH 3u
#define GICC_PMR_LOWEST 0xffu
#define GICD_SGIR_TO_SELF (2u << 24)

static uintptr_t gicd(unsigned int reg)
{
	return PLATFORM_GICD_BASE + reg;
}

static uintptr_t gicc(unsigned int reg)
{
	return PLATFORM_GICC_BASE + reg;
}

/* Bare metal nobody enabled it yet; in a cell the root already has. */
static void gicv2_init_dist(void)
{
	if (!(mmio_read32(gicd(GICD_CTLR)) & GICD_CTLR_ENABLE))
		mmio_write32(gicd(GICD_CTLR), GICD_CTLR_ENABLE);
}

static int gicv2_init_cpu(void)
{
	mmio_write32(gicc(GICC_PMR), GICC_PMR_LOWEST);
	mmio_write32(gicc(GICC_CTLR), GICC_CTLR_ENABLE_BOTH);
	return 0;
}

/* Byte 0 of the banked GICD_ITARGETSR0 reads as this CPU's own mask. */
static u8 gicv2_this_cpu_mask(void)
{
	return mmio_read32(gicd(GICD_ITARGETSR)) & 0xff;
}

static void gicv2_enable_irq(unsigned int intid, u8 priority)
{
	gic_write_byte_field(gicd(GICD_IPRIORITYR), intid, priority);
	if (intid >= 32)
		gic_write_byte_field(gicd(GICD_ITARGETSR), intid,
				     gicv2_this_cpu_mask());
	mmio_write32(gic_bit_reg(gicd(GICD_ISENABLER), intid), gic_bit(intid));
}

static void gicv2_disable_irq(unsigned int intid)
{
	mmio_write32(gic_bit_reg(gicd(GICD_ICENABLER), intid), gic_bit(intid));
}

static u32 gicv2_ack(void)
{
	return mmio_read32(gicc(GICC_IAR));
}

/* The whole IAR value goes back: for SGIs it names the sender too. */
static void gicv2_eoi(u32 iar)
{
	mmio_write32(gicc(GICC_EOIR), iar);
}

static void gicv2_send_sgi_self(unsigned int sgi)
{
	mmio_write32(gicd(GICD_SGIR), GICD_SGIR_TO_SELF | (sgi & 0xf));
}

static void gicv2_set_pmr(u8 mask)
{
	mmio_write32(gicc(GICC_PMR), mask);
}

const struct gic_ops gicv2_ops = {
	.version = 2,
	.init_dist = gicv2_init_dist,
	.init_cpu = gicv2_init_cpu,
	.enable_irq = gicv2_enable_irq,
	.disable_irq = gicv2_disable_irq,
	.ack = gicv2_ack,
	.eoi = gicv2_eoi,
	.send_sgi_self = gicv2_send_sgi_self,
	.set_pmr = gicv2_set_pmr,
};
