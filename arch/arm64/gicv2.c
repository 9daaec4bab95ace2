// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 registers: memory-mapped CPU interface (GICC), hypervisor
 * interface (GICH) with its list registers, and the virtual CPU
 * interface (GICV) that every cell sees at its GICC address. No cell has
 * the distributor mapped: it is emulated (vgicv2.c).
 */
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/paging.h>
#include <wd/percpu.h>

#define GICD_SIZE 0x1000ull
#define GICC_SIZE 0x2000ull /* up to GICC_DIR */
#define GICH_SIZE 0x1000ull

#define GICD_IIDR_QEMU 0x0000043bu /* Arm, product 0, revision 0 */
#define GICD_ITARGETSR 0x800
#define GICD_SGIR 0xf00
#define GICD_CPENDSGIR 0xf10
#define GICD_SGIR_SELF (2u << 24)

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GICC_RPR 0x14
#define GICC_ABPR 0x1c
#define GICC_DIR 0x1000
#define GICC_CTLR_GRP0 BIT(0)
#define GICC_CTLR_GRP1 BIT(1)
#define GICC_CTLR_CBPR BIT(4)
#define GICC_CTLR_EOIMODE BIT(9)

#define GICH_HCR 0x00
#define GICH_VTR 0x04
#define GICH_VMCR 0x08
#define GICH_ELRSR0 0x30
#define GICH_APR 0xf0
#define GICH_LR(n) (0x100 + 4 * (n))
#define GICH_HCR_EN BIT(0)
#define GICH_HCR_UIE BIT(1)

#define LR_HW BIT(31)
#define LR_PENDING BIT(28)
#define LR_ACTIVE BIT(29)
#define LR_PRIO_SHIFT 23
#define LR_PHYS_SHIFT 10
#define LR_VINTID(lr) ((lr)&0x3ff)
#define LR_PINTID(lr) (((lr) >> LR_PHYS_SHIFT) & 0x3ff)
#define LR_SOURCE(lr) (((lr) >> LR_PHYS_SHIFT) & 7)

static u64 gicd, gicc, gich, gicv;
/*
 * QEMU's GICv2 model (7.2) does not re-evaluate the physical CPU
 * interface when a cell deactivates a HW-linked interrupt through its
 * GICV: a timer PPI whose line rose again while it was active (re-armed
 * before the EOI) stays unsignalled until the next change of any GIC
 * input or register. With every other CPU parked or polling none comes,
 * and a root left with one CPU waits for its tick for good (the GICv2
 * destroy hang). So on that model a parked CPU's EL2 timer is such a
 * change every millisecond (arch_cpu_idle(); its PPI is enabled from
 * cpu_init to cpu_exit and kept from cells). Real GICs signal it (and
 * QEMU's GICv3): no timer there.
 */
bool gic_park_tick;

static inline u32 rd(u64 addr)
{
	return *(volatile u32 *)paging_ptr(addr);
}

static inline void wr(u64 addr, u32 v)
{
	*(volatile u32 *)paging_ptr(addr) = v;
}

static int v2_init(const struct wd_system *sys)
{
	gicd = sys->platform.arm64.gicd_base;
	gicc = sys->platform.arm64.gicc_base;
	gich = sys->platform.arm64.gich_base;
	gicv = sys->platform.arm64.gicv_base;
	return 0;
}

static int v2_map_devices(struct paging *hyp, const struct wd_system *sys)
{
	(void)sys;
	return gic_map_frame(hyp, gicd, GICD_SIZE) ?:
		       gic_map_frame(hyp, gicc, GICC_SIZE) ?:
		       gic_map_frame(hyp, gich, GICH_SIZE);
}

/* The cell's GICC is the physical GICV; the distributor is emulated. */
static int v2_cell_init(struct cell *cell)
{
	int err;

	err = mmio_register(cell, gicd, GICD_SIZE, vgicv2_dist_access, NULL);
	if (!err)
		err = paging_map(&cell->stage2, gicc, gicv, GICC_SIZE,
				 PG_RW | PG_DEVICE);
	return err ?: gic_cell_take_irqs(cell);
}

/* GICH_VMCR from the physical interface Linux configured. */
static u32 vmcr_from_physical(u32 ctlr)
{
	u32 pmr = rd(gicc + GICC_PMR) & 0xff;
	u32 bpr = rd(gicc + GICC_BPR) & 7;
	u32 abpr = rd(gicc + GICC_ABPR) & 7;

	return (pmr >> 3) << 27 | bpr << 21 | abpr << 18 |
	       (ctlr & GICC_CTLR_EOIMODE) | (ctlr & GICC_CTLR_CBPR) |
	       (ctlr & (GICC_CTLR_GRP0 | GICC_CTLR_GRP1));
}

static void clear_virtual_state(u32 num_lrs)
{
	u32 i;

	for (i = 0; i < num_lrs; i++)
		wr(gich + GICH_LR(i), 0);
	wr(gich + GICH_APR, 0);
}

static int v2_cpu_init(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u32 ctlr = rd(gicc + GICC_CTLR);

	a->num_lrs = (rd(gich + GICH_VTR) & 0x3f) + 1;
	if (a->num_lrs > 32)
		a->num_lrs = 32;
	a->lr_mask = BIT(a->num_lrs) - 1;
	if (gic_check_lrs(pc))
		return -ENODEV;
	/* ITARGETSR0..7 are banked: they read as this CPU's own bit. */
	a->gic_target = rd(gicd + GICD_ITARGETSR) & 0xff;
	gic_park_tick = rd(gicd + GICD_IIDR) == GICD_IIDR_QEMU;
	a->phys_ctlr = ctlr;
	a->gicc_va = (u64)paging_ptr(gicc);
	a->gich_lr0_va = (u64)paging_ptr(gich + GICH_LR(0));
	gic_set_queued(pc, 0);
	wr(gich + GICH_VMCR, vmcr_from_physical(ctlr));
	/* As on GICv3: cells mask with GICV_PMR; cpu_exit restores this. */
	wr(gicc + GICC_PMR, 0xff);
	clear_virtual_state(a->num_lrs);
	wr(gich + GICH_HCR, GICH_HCR_EN);
	wr(gicc + GICC_CTLR, ctlr | GICC_CTLR_EOIMODE);
	wr(gicd + GICD_ISENABLER,
	   BIT(SGI_WARDEN) | BIT(25) | BIT(PPI_HYP_TIMER));
	return 0;
}

static void v2_send_self_sgi(u32 intid)
{
	wr(gicd + GICD_SGIR, GICD_SGIR_SELF | intid);
}

static void repend_physical(u32 intid)
{
	wr(gicd + GICD_ISPENDR + (intid / 32) * 4, BIT(intid % 32));
}

/* As on GICv3: pending interrupts go back to the physical GIC. */
static void lr_to_physical(u32 lr)
{
	if (!(lr & LR_PENDING))
		return;
	if (lr & LR_HW) {
		repend_physical(LR_PINTID(lr));
		if (!(lr & LR_ACTIVE))
			wr(gicc + GICC_DIR, LR_PINTID(lr));
	} else if (LR_VINTID(lr) < 16) {
		v2_send_self_sgi(LR_VINTID(lr));
	}
}

static void v2_cpu_exit(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u32 vmcr = rd(gich + GICH_VMCR);
	u32 keep = GICC_CTLR_EOIMODE | GICC_CTLR_CBPR | GICC_CTLR_GRP0 |
		   GICC_CTLR_GRP1;
	u32 i;

	wr(gicd + GICD_ICENABLER, BIT(25) | BIT(PPI_HYP_TIMER));
	wr(gicc + GICC_PMR, (vmcr >> 27) << 3);
	wr(gicc + GICC_BPR, (vmcr >> 21) & 7);
	wr(gicc + GICC_CTLR, (a->phys_ctlr & ~keep) | (vmcr & keep));
	for (i = 0; i < a->num_lrs; i++)
		lr_to_physical(rd(gich + GICH_LR(i)));
	clear_virtual_state(a->num_lrs);
	wr(gich + GICH_HCR, 0);
	gic_drop_queue(pc);
}

/*
 * As on GICv3: read before the priority drop, the running priority is
 * the interrupt's own, as the cell programmed it.
 */
static void v2_route_acked(struct percpu *pc, u32 iar)
{
	struct virq v = {.intid = iar & 0x3ff, .source = (iar >> 10) & 7};

	v.prio = (u8)rd(gicc + GICC_RPR);
	v.hw = v.intid >= 16 && v.intid < INTID_SPURIOUS;
	gic_route(pc, iar, &v);
}

static u32 v2_ack(struct virq *v)
{
	u32 iar = rd(gicc + GICC_IAR);

	v->intid = iar & 0x3ff;
	v->source = (iar >> 10) & 7;
	v->hw = v->intid >= 16 && v->intid < INTID_SPURIOUS;
	return iar;
}

static void v2_eoi(u32 iar)
{
	wr(gicc + GICC_EOIR, iar);
}

static void v2_deactivate(u32 iar)
{
	wr(gicc + GICC_DIR, iar);
}

static bool merge_sgi(u64 used, const struct virq *v)
{
	u32 n, lr;

	for (; used; used &= used - 1) {
		n = (u32)__builtin_ctzll(used);
		lr = rd(gich + GICH_LR(n));
		if (LR_VINTID(lr) == v->intid && LR_SOURCE(lr) == v->source) {
			wr(gich + GICH_LR(n), lr | LR_PENDING);
			return true;
		}
	}
	return false;
}

/* Group 0: Linux enables group 0 of its (virtual) CPU interface. */
static int v2_inject(struct percpu *pc, const struct virq *v)
{
	u64 all = pc->arch.lr_mask;
	u64 free = rd(gich + GICH_ELRSR0) & all;
	u32 lr = LR_PENDING | (u32)(v->prio >> 3) << LR_PRIO_SHIFT | v->intid;

	if (!v->hw && merge_sgi(~free & all, v))
		return 0;
	if (!free)
		return -EBUSY;
	if (v->hw)
		lr |= LR_HW | v->intid << LR_PHYS_SHIFT;
	else
		lr |= v->source << LR_PHYS_SHIFT;
	wr(gich + GICH_LR(__builtin_ctzll(free)), lr);
	return 0;
}

static void v2_set_underflow_irq(bool on)
{
	wr(gich + GICH_HCR, GICH_HCR_EN | (on ? GICH_HCR_UIE : 0));
}

static void v2_send_sgi(const struct percpu *target, u32 intid)
{
	wr(gicd + GICD_SGIR, target->arch.gic_target << 16 | intid);
}

static void v2_cpu_quiesce(struct percpu *pc)
{
	u32 i, lr;

	for (i = 0; i < pc->arch.num_lrs; i++) {
		lr = rd(gich + GICH_LR(i));
		if ((lr & LR_HW) && (lr & (LR_PENDING | LR_ACTIVE)))
			v2_deactivate(LR_PINTID(lr));
	}
	clear_virtual_state(pc->arch.num_lrs);
	gic_drop_queue(pc);
	v2_set_underflow_irq(false);
	/* A PPI the cell left asserted (PMU overflow) would wake the park. */
	gic_reset_private(gicd);
}

/* As on GICv3, plus the SGIs' per-source pending bits (not Warden's). */
static void v2_cpu_reset(struct percpu *pc)
{
	u32 i;

	v2_cpu_quiesce(pc);
	wr(gich + GICH_VMCR, 0);
	for (i = 0; i < 4; i++)
		wr(gicd + GICD_CPENDSGIR + i * 4,
		   i == SGI_WARDEN / 4 ? ~(0xffu << (SGI_WARDEN % 4 * 8))
				       : ~0u);
}

const struct gic_ops gicv2_ops = {
	.init = v2_init,
	.map_devices = v2_map_devices,
	.cell_init = v2_cell_init,
	.cell_exit = gic_cell_give_irqs,
	.cpu_init = v2_cpu_init,
	.cpu_exit = v2_cpu_exit,
	.cpu_reset = v2_cpu_reset,
	.route_acked = v2_route_acked,
	.ack = v2_ack,
	.eoi = v2_eoi,
	.deactivate = v2_deactivate,
	.inject = v2_inject,
	.set_underflow_irq = v2_set_underflow_irq,
	.send_sgi = v2_send_sgi,
	.cpu_quiesce = v2_cpu_quiesce,
};
