// SPDX-License-Identifier: GPL-2.0
/*
 * GIC front end: detects v2 or v3 and forwards to the matching driver.
 *
 * Detection: ID_AA64PFR0_EL1.GIC says whether the CPU has the GICv3 system
 * register interface; it is in use only if ICC_SRE_EL1.SRE sticks at 1
 * (a GICv3 can also run in GICv2 compatibility mode, where it does not).
 * Neither step touches the distributor, so it works the same in a cell.
 */
#include <inmate/errno.h>
#include <inmate/gic.h>
#include <inmate/sysreg.h>

#define ID_AA64PFR0_GIC_SHIFT 24
#define ID_AA64PFR0_GIC_MASK 0xful
#define ICC_SRE_SRE 1ul

static const struct gic_ops *gic;

static bool gicv3_sysregs_in_use(void)
{
	u64 pfr0 = read_sysreg(id_aa64pfr0_el1);

	if (((pfr0 >> ID_AA64PFR0_GIC_SHIFT) & ID_AA64PFR0_GIC_MASK) == 0)
		return false;
	if (read_sysreg(ICC_SRE_EL1) & ICC_SRE_SRE)
		return true; /* the usual case, and always so in a cell */
	write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | ICC_SRE_SRE);
	isb();
	return read_sysreg(ICC_SRE_EL1) & ICC_SRE_SRE;
}

int gic_init(void)
{
	gic = gicv3_sysregs_in_use() ? &gicv3_ops : &gicv2_ops;
	gic->init_dist();
	return gic->init_cpu();
}

/* SRE is per CPU: detection sets it on this one too. */
int gic_init_secondary(void)
{
	if (!gic || (gic->version == 3 && !gicv3_sysregs_in_use()))
		return -ENODEV;
	return gic->init_cpu();
}

int gic_version(void)
{
	return gic ? gic->version : 0;
}

void gic_enable_irq(unsigned int intid)
{
	gic->enable_irq(intid, GIC_PRIORITY_DEFAULT);
}

void gic_enable_irq_prio(unsigned int intid, u8 priority)
{
	gic->enable_irq(intid, priority);
}

void gic_set_pmr(u8 mask)
{
	gic->set_pmr(mask);
}

void gic_disable_irq(unsigned int intid)
{
	gic->disable_irq(intid);
}

u32 gic_ack(void)
{
	return gic->ack();
}

void gic_eoi(u32 iar)
{
	gic->eoi(iar);
}

void gic_send_sgi_self(unsigned int sgi)
{
	gic->send_sgi_self(sgi);
}
