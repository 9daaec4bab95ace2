// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 at EL1: system-register CPU interface, affinity routing. In a
 * Warden cell the ICC_* accesses reach the virtual interface (ICV_*) and
 * the distributor and redistributor are Warden's filtered views, so each
 * set-up write happens only when the current value is not already right.
 */
#include <inmate/errno.h>
#include <inmate/gic.h>
#include <inmate/platform.h>
#include <inmate/sysreg.h>
#include "gic_regs.h"

#define GICD_CTLR_GRP1 (1u << 1) /* EnableGrp1 (NS view), or with DS=1 */
#define GICD_CTLR_ARE (1u << 4) /* ARE_NS, or ARE with DS=1 */
#define GICD_CTLR_RWP (1u << 31)

#define GICR_FRAME_SIZE 0x20000ul /* RD_base + SGI_base */
#define GICR_VLPI_FRAME_SIZE 0x40000ul /* plus VLPI frames (GICv4) */
#define GICR_MAX_FRAMES 256
#define GICR_WAKER 0x0014
#define GICR_TYPER 0x0008
#define GICR_TYPER_VLPIS (1ul << 1)
#define GICR_TYPER_LAST (1ul << 4)
#define GICR_WAKER_PROCESSOR_SLEEP (1u << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1u << 2)
#define GICR_SGI_BASE 0x10000ul

/* Aff3 and Aff0..2; GICD_IROUTER takes them at the same positions. */
#define MPIDR_AFFINITY_MASK 0xff00fffffful
#define ICC_CTLR_EOIMODE (1ul << 1)
#define POLL_LIMIT 1000000

/*
 * Each CPU's RD_base, by Aff0: most inmates use one CPU, but the latency
 * inmate's ticking CPUs (bench/) set up their own beside the measuring
 * one. CPUs of one inmate are assumed to be in one cluster (Aff1-3 equal).
 */
static uintptr_t redists[256];

static uintptr_t *this_redist(void)
{
	return &redists[cpu_mpidr() & 0xff];
}

static uintptr_t gicd(unsigned int reg)
{
	return PLATFORM_GICD_BASE + reg;
}

/* Waits for a distributor register write to take effect. */
static int gicd_wait_rwp(void)
{
	for (int i = 0; i < POLL_LIMIT; i++)
		if (!(mmio_read32(gicd(GICD_CTLR)) & GICD_CTLR_RWP))
			return 0;
	return -ETIMEDOUT;
}

/* ARE may only change while the groups are disabled: two steps. */
static void gicv3_init_dist(void)
{
	u32 ctlr = mmio_read32(gicd(GICD_CTLR));

	if (!(ctlr & GICD_CTLR_ARE)) {
		mmio_write32(gicd(GICD_CTLR), GICD_CTLR_ARE);
		gicd_wait_rwp();
		ctlr = GICD_CTLR_ARE;
	}
	if (!(ctlr & GICD_CTLR_GRP1)) {
		mmio_write32(gicd(GICD_CTLR), ctlr | GICD_CTLR_GRP1);
		gicd_wait_rwp();
	}
}

/* GICR_TYPER[63:32] holds Aff3.Aff2.Aff1.Aff0 in that order. */
static u64 mpidr_to_typer_affinity(u64 mpidr)
{
	return ((mpidr >> 8) & 0xff000000ul) | (mpidr & 0xffffff);
}

/* Walks the redistributor frames to the one whose affinity is ours. */
static uintptr_t find_redistributor(void)
{
	u64 affinity = mpidr_to_typer_affinity(cpu_mpidr());
	uintptr_t frame = PLATFORM_GICR_BASE;

	for (int i = 0; i < GICR_MAX_FRAMES; i++) {
		u64 typer = mmio_read64(frame + GICR_TYPER);

		if ((typer >> 32) == affinity)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
		frame += typer & GICR_TYPER_VLPIS ? GICR_VLPI_FRAME_SIZE
						  : GICR_FRAME_SIZE;
	}
	return 0;
}

static int wake_redistributor(uintptr_t redist)
{
	u32 waker = mmio_read32(redist + GICR_WAKER);

	if (!(waker & GICR_WAKER_PROCESSOR_SLEEP))
		return 0;
	mmio_write32(redist + GICR_WAKER, waker & ~GICR_WAKER_PROCESSOR_SLEEP);
	for (int i = 0; i < POLL_LIMIT; i++)
		if (!(mmio_read32(redist + GICR_WAKER) &
		      GICR_WAKER_CHILDREN_ASLEEP))
			return 0;
	return -ETIMEDOUT;
}

/* SRE was set by detection (gic.c). EOImode 0: EOIR also deactivates. */
static int gicv3_init_cpu(void)
{
	uintptr_t *redist = this_redist();
	int err;

	*redist = find_redistributor();
	if (!*redist)
		return -ENODEV;
	err = wake_redistributor(*redist);
	if (err)
		return err;
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_BPR1_EL1, 0);
	if (read_sysreg(ICC_CTLR_EL1) & ICC_CTLR_EOIMODE)
		write_sysreg(ICC_CTLR_EL1,
			     read_sysreg(ICC_CTLR_EL1) & ~ICC_CTLR_EOIMODE);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
	return 0;
}

/* SGIs and PPIs live in this CPU's redistributor, SPIs in the GICD. */
static uintptr_t config_base(unsigned int intid)
{
	return intid < 32 ? *this_redist() + GICR_SGI_BASE : PLATFORM_GICD_BASE;
}

static void gicv3_enable_irq(unsigned int intid, u8 priority)
{
	uintptr_t base = config_base(intid);
	uintptr_t group = gic_bit_reg(base + GICD_IGROUPR, intid);

	/* Group 1 is delivered as IRQ at EL1; group 0 would be FIQ. */
	if (!(mmio_read32(group) & gic_bit(intid)))
		mmio_write32(group, mmio_read32(group) | gic_bit(intid));
	gic_write_byte_field(base + GICD_IPRIORITYR, intid, priority);
	if (intid >= 32)
		mmio_write64(gicd(GICD_IROUTER) + intid * 8,
			     cpu_mpidr() & MPIDR_AFFINITY_MASK);
	mmio_write32(gic_bit_reg(base + GICD_ISENABLER, intid), gic_bit(intid));
}

static void gicv3_disable_irq(unsigned int intid)
{
	uintptr_t base = config_base(intid);

	mmio_write32(gic_bit_reg(base + GICD_ICENABLER, intid), gic_bit(intid));
}

static u32 gicv3_ack(void)
{
	return read_sysreg(ICC_IAR1_EL1);
}

static void gicv3_eoi(u32 iar)
{
	write_sysreg(ICC_EOIR1_EL1, iar);
	isb();
}

/*
 * ICC_SGI1R: INTID[27:24], Aff3[55:48] Aff2[39:32] Aff1[23:16], and Aff0
 * split into RS[47:44] = Aff0 / 16 and TargetList[15:0] bit Aff0 % 16.
 */
static void gicv3_send_sgi_self(unsigned int sgi)
{
	u64 mpidr = cpu_mpidr();
	u64 aff0 = mpidr & 0xff;
	u64 value = ((u64)(sgi & 0xf) << 24) | (1ul << (aff0 % 16)) |
		    ((aff0 / 16) << 44) | (((mpidr >> 8) & 0xff) << 16) |
		    (((mpidr >> 16) & 0xff) << 32) |
		    (((mpidr >> 32) & 0xff) << 48);

	write_sysreg(ICC_SGI1R_EL1, value);
	isb();
}

static void gicv3_set_pmr(u8 mask)
{
	write_sysreg(ICC_PMR_EL1, mask);
	isb();
}

const struct gic_ops gicv3_ops = {
	.version = 3,
	.init_dist = gicv3_init_dist,
	.init_cpu = gicv3_init_cpu,
	.enable_irq = gicv3_enable_irq,
	.disable_irq = gicv3_disable_irq,
	.ack = gicv3_ack,
	.eoi = gicv3_eoi,
	.send_sgi_self = gicv3_send_sgi_self,
	.set_pmr = gicv3_set_pmr,
};
