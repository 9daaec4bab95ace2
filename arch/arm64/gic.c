// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt routing shared by GICv2 and GICv3. Every physical interrupt
 * traps to EL2 (HCR_EL2.IMO). Warden acknowledges it, drops its priority
 * and injects it into the CPU's cell through a list register:
 *  - PPIs and SPIs with the HW bit: the cell's deactivation deactivates
 *    the physical interrupt, so Warden never sees the end of it;
 *  - SGIs (and GICv3 LPIs) without it: deactivated here at once.
 * When every list register is busy the interrupt waits in a short
 * per-CPU queue and the underflow maintenance interrupt refills them.
 */
#include <arch.h>
#include <warden/comm.h>
#include <arch/gic.h>
#include <arch/irq_fast.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>
#include <wd/string.h>

const struct gic_ops *gic;
static u32 maint_intid;
static u64 gicd_base;
static u32 num_irqs;

/*
 * The queue is refilled on the underflow maintenance interrupt (at most
 * one list register valid): with a single list register that condition
 * would hold forever, so Warden needs two.
 */
int gic_check_lrs(const struct percpu *pc)
{
	if (pc->arch.num_lrs >= 2)
		return 0;
	printk("GIC: %u list register(s), Warden needs 2\n", pc->arch.num_lrs);
	return -ENODEV;
}

int gic_init(const struct wd_system *sys)
{
	maint_intid = sys->platform.arm64.maint_irq;
	gicd_base = sys->platform.arm64.gicd_base;
	num_irqs = sys->platform.arm64.num_irqs;
	vgic_init(sys->platform.num_cpus);
	if (sys->platform.arm64.gic_version == WD_GIC_V2) {
		gic = &gicv2_ops;
		vgicv2_init(gicd_base);
	} else if (sys->platform.arm64.gic_version == WD_GIC_V3) {
		gic = &gicv3_ops;
		vgicv3_init(gicd_base, sys->platform.arm64.gicr_base,
			    sys->platform.num_cpus);
	} else {
		return -EINVAL;
	}
	return gic->init(sys);
}

int gic_map_frame(struct paging *hyp, u64 base, u64 size)
{
	return paging_map(hyp, base, base, size, PG_RW | PG_DEVICE);
}

/* The fast path's view of the per-CPU area (arch/irq_fast.h). */
#define PC_OFF(f) __builtin_offsetof(struct percpu, f)
_Static_assert(PC_OFF(arch.gicc_va) == PC_GICC_VA &&
		       PC_OFF(arch.gich_lr0_va) == PC_GICH_LR0_VA &&
		       PC_OFF(arch.fast_lrs) == PC_FAST_LRS &&
		       PC_OFF(stats[WD_STAT_IRQ]) == PC_STAT_IRQ,
	       "arch/irq_fast.h offsets");

/*
 * The queue length and, with it, the list registers the fast path may
 * fill: none while anything is queued (it would overtake it), none at
 * all when the maintenance PPI is in the fast path's range.
 */
void gic_set_queued(struct percpu *pc, u32 n)
{
	struct arch_percpu *a = &pc->arch;

	a->queued = n;
	a->fast_lrs =
		n || maint_intid >= FAST_FIRST_INTID ? 0 : (u32)a->lr_mask;
}

static bool is_spurious(u32 intid)
{
	return intid >= INTID_SPURIOUS && intid < 8192;
}

static void queue_virq(struct percpu *pc, const struct virq *v, u32 iar)
{
	struct arch_percpu *a = &pc->arch;

	if (a->queued == VIRQ_QUEUE_LEN) {
		if (v->hw)
			gic->deactivate(iar);
		cell_virq_overflow(pc, v->intid);
		return;
	}
	a->queue[a->queued] = *v;
	gic_set_queued(pc, a->queued + 1);
	gic->set_underflow_irq(true);
}

void gic_inject(struct percpu *pc, const struct virq *v)
{
	if (pc->arch.queued || gic->inject(pc, v))
		queue_virq(pc, v, v->intid);
}

static void refill_lrs(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u32 done = 0;

	while (done < a->queued && !gic->inject(pc, &a->queue[done]))
		done++;
	gic_set_queued(pc, a->queued - done);
	memcpy(a->queue, a->queue + done, a->queued * sizeof(a->queue[0]));
	if (!a->queued)
		gic->set_underflow_irq(false);
}

/*
 * Empties the queue without injecting it (park, disable). Its HW-linked
 * entries were acknowledged with only the priority dropped: the cell's
 * deactivation was to end them. Dropped without one they would stay
 * active in the GIC for good, and their source (the root's SPI on a CPU
 * Linux offlined, say) would never interrupt again. An edge is lost; a
 * level fires again.
 */
void gic_drop_queue(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u32 i;

	for (i = 0; i < a->queued; i++)
		if (a->queue[i].hw)
			gic->deactivate(a->queue[i].intid);
	gic_set_queued(pc, 0);
}

/* Every acknowledged interrupt the fast path (irq_fast.S) does not finish. */
void gic_route(struct percpu *pc, u32 iar, const struct virq *v)
{
	if (is_spurious(v->intid))
		return;
	pc->stats[WD_STAT_IRQ]++;
	gic->eoi(iar);
	if (!v->hw || v->intid == maint_intid)
		gic->deactivate(iar);
	if (v->intid == maint_intid)
		refill_lrs(pc);
	else if (v->intid != SGI_WARDEN)
		gic_inject(pc, v);
	else
		cell_cpu_kicked(pc); /* may not return: last */
}

u32 gic_maint_intid(void)
{
	return maint_intid;
}

/* A parked CPU owns no interrupt: wake-up only, everything is dropped. */
void gic_handle_parked_irq(struct percpu *pc)
{
	struct virq v;
	u32 iar;

	if (gic->take_fiq && !is_spurious(gic->take_fiq(pc)))
		return;
	iar = gic->ack(&v);
	if (is_spurious(v.intid))
		return;
	gic->eoi(iar);
	gic->deactivate(iar);
}

/* The root starts with every SPI; a cell takes its own from the root. */
int gic_cell_take_irqs(struct cell *cell)
{
	if (cell == &root_cell) {
		vgic_init_root(cell, gicd_base, num_irqs);
		return 0;
	}
	return vgic_take_spis(cell);
}

void gic_cell_give_irqs(struct cell *cell)
{
	if (cell != &root_cell)
		vgic_give_spis(cell);
}

/* Priority bytes of INTIDs 0..31 to the default; Warden's keep theirs. */
static void reset_priorities(u64 base, u32 keep)
{
	u32 word, byte, mask, old, all = GIC_DEFAULT_PRIORITY * 0x01010101u;
	u64 reg;

	for (word = 0; word < 8; word++) {
		mask = 0;
		for (byte = 0; byte < 4; byte++)
			if (keep & BIT(word * 4 + byte))
				mask |= 0xffu << (byte * 8);
		reg = base + GICD_IPRIORITYR + word * 4;
		old = (u32)gic_mmio_read(reg, 4);
		gic_mmio_write(reg, 4, (old & mask) | (all & ~mask));
	}
}

/*
 * Whatever the CPU's previous cell left in its SGIs and PPIs (a timer
 * PPI enabled, an SGI pending) is gone; Warden's SGI and maintenance
 * PPI stay as they are. On GICv2 base is the banked distributor: this
 * runs on the CPU itself.
 */
void gic_reset_private(u64 base)
{
	u32 keep = vgic_private_reserved();

	gic_mmio_write(base + GICD_ICENABLER, 4, ~keep);
	gic_mmio_write(base + GICD_ICPENDR, 4, ~keep);
	gic_mmio_write(base + GICD_ICACTIVER, 4, ~keep);
	reset_priorities(base, keep);
}

/* The comm page's GIC part: the layout inmates were built against. */
_Static_assert(__builtin_offsetof(struct wd_comm_region, gic_version) == 52 &&
		       __builtin_offsetof(struct wd_comm_region, gicd_base) ==
			       64 &&
		       __builtin_offsetof(struct wd_comm_region, gicr_base) ==
			       80,
	       "comm page layout");

void arch_fill_comm(struct wd_comm_region *c)
{
	const struct wd_platform_arm64 *p = &wd_system_config()->platform.arm64;

	c->gic_version = p->gic_version;
	c->gicd_base = p->gicd_base;
	c->gicc_base = p->gic_version == WD_GIC_V2 ? p->gicc_base : 0;
	c->gicr_base = p->gic_version == WD_GIC_V3 ? p->gicr_base : 0;
}

/*
 * A doorbell is an SPI no device drives (the config checker makes sure):
 * setting its pending bit in the distributor is all it takes. The GIC
 * then delivers it to the CPU its owner routed it to, Warden takes it
 * there and injects it like any other SPI of that cell. GICD_ISPENDR is
 * at the same offset on GICv2 and GICv3 (affinity routing keeps it).
 */
void arch_doorbell_ring(u32 intid)
{
	/* Write 1 to set: other bits and concurrent writers are unaffected. */
	gic_mmio_write(gicd_base + GICD_ISPENDR + intid / 32 * 4, 4,
		       BIT(intid % 32));
}
