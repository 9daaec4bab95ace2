// SPDX-License-Identifier: GPL-2.0
/*
 * A doorbell is an SPI no device drives (the config checker makes sure):
 * setting its pending bit in the distributor is all it takes. The GIC
 * then delivers it to the CPU its owner routed it to, Warden takes it
 * there and injects it like any other SPI of that cell. GICD_ISPENDR is
 * at the same offset on GICv2 and GICv3 (affinity routing keeps it).
 */
#include <arch.h>
#include <arch/vgic.h>
#include <wd/setup.h>

void arch_doorbell_ring(u32 intid)
{
	u64 gicd = wd_system_config()->platform.arm64.gicd_base;

	/* Write 1 to set: other bits and concurrent writers are unaffected. */
	gic_mmio_write(gicd + GICD_ISPENDR + intid / 32 * 4, 4,
		       BIT(intid % 32));
}
