// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 registers: system-register CPU interface, list registers
 * ICH_LR<n>_EL2, redistributors found by affinity. No cell has the
 * distributor or a redistributor mapped: both are emulated (vgicv3.c,
 * vgicv3_redist.c).
 *
 * Warden's SGI is Group 0 at priority 0 when the GIC has one security
 * state (GICD_CTLR.DS): it arrives as an FIQ, which HCR_EL2.FMO sends to
 * EL2 on every CPU. That lets a direct-IRQ cell's CPUs run with
 * HCR_EL2.IMO clear (its Group-1 interrupts go straight to EL1) while
 * Warden can still stop them (Documentation/interrupts.md).
 */
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>

#define GICD_SIZE 0x10000ull
#define GITS_CTRL_SIZE 0x10000ull /* the ITS control frame */
#define GICR_STRIDE 0x20000ull
#define GICR_TYPER 0x08
#define GICR_TYPER_LAST BIT(4)
#define GICR_SGI 0x10000ull
#define GICR_ISENABLER0 (GICR_SGI + 0x100)
#define GICR_ICENABLER0 (GICR_SGI + 0x180)
#define GICR_ISPENDR0 (GICR_SGI + 0x200)
#define GICR_IGROUPR0 (GICR_SGI + 0x080)
#define GICR_IPRIORITYR0 (GICR_SGI + 0x400)
#define GICD_CTLR_DS BIT(6)
#define GICD_CTLR_GRP0 BIT(0)

#define ICC_SRE_SRE BIT(0)
#define ICC_CTLR_CBPR BIT(0)
#define ICC_CTLR_EOIMODE BIT(1)
#define ICC_CTLR_PRIBITS(c) ((((c) >> 8) & 7) + 1)
#define ICH_HCR_EN BIT(0)
#define ICH_HCR_UIE BIT(1)

#define LR_PENDING (1ull << 62)
#define LR_ACTIVE (1ull << 63)
#define LR_HW BIT(61)
#define LR_GROUP1 BIT(60)
#define LR_PRIO_SHIFT 48
#define LR_PINTID_SHIFT 32
#define LR_VINTID(lr) ((u32)(lr))
#define LR_PINTID(lr) ((u32)((lr) >> LR_PINTID_SHIFT) & 0x1fff)

#define SGI1R_TARGETS 0xffffull
#define SGI1R_INTID_SHIFT 24
#define SGI1R_IRM BIT(40)
#define SGI1R_RS_SHIFT 44
/* Aff3, Aff2, Aff1 fields of ICC_SGI1R_EL1 */
#define SGI1R_AFF_MASK (0xffull << 48 | 0xffull << 32 | 0xffull << 16)

#define ICC_SGI1R_EL1 S3_0_C12_C11_5
#define ICC_SGI0R_EL1 S3_0_C12_C11_7

static u64 gicd_base, gicr_base, gits_base;
static u32 num_cpus;
/* Warden's SGI is Group 0 (an FIQ): direct IRQ delivery is possible. */
static bool group0_sgi;

/*
 * List registers are separate system registers: branch into a table of
 * two-instruction stubs, one per register. n < 16 always (it comes from
 * ICH_ELRSR_EL2 & lr_mask or a loop bounded by num_lrs <= 16).
 */
static inline u64 read_lr(unsigned int n)
{
	u64 v;

	asm volatile("adr x16, 1f\n"
		     "add x16, x16, %x1, lsl #3\n"
		     "br x16\n"
		     "1:\n"
		     ".irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
		     "mrs %0, ich_lr\\i\\()_el2\n"
		     "b 2f\n"
		     ".endr\n"
		     "2:"
		     : "=r"(v)
		     : "r"(n)
		     : "x16");
	return v;
}

static inline void write_lr(unsigned int n, u64 v)
{
	asm volatile("adr x16, 1f\n"
		     "add x16, x16, %x0, lsl #3\n"
		     "br x16\n"
		     "1:\n"
		     ".irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
		     "msr ich_lr\\i\\()_el2, %1\n"
		     "b 2f\n"
		     ".endr\n"
		     "2:"
		     :
		     : "r"(n), "r"(v)
		     : "x16", "memory");
}

static int v3_init(const struct wd_system *sys)
{
	if (!(read_sysreg(S3_4_C12_C9_5) & ICC_SRE_SRE)) { /* ICC_SRE_EL2 */
		printk("GICv3: system register interface disabled\n");
		return -ENODEV;
	}
	gicd_base = sys->platform.arm64.gicd_base;
	gicr_base = sys->platform.arm64.gicr_base;
	num_cpus = sys->platform.num_cpus;
	gits_base = sys->platform.arm64.gits_base;
	vits_init(gits_base);
	return 0;
}

/*
 * With one security state (DS) Group 0 is ours to use from non-secure
 * EL2; Linux's GICD_CTLR write set bit 0 (EnableGrp0 there) already.
 * Every CPU reads the same answer: run from cpu_init, where the
 * distributor is mapped.
 */
static void v3_init_group0(void)
{
	u32 ctlr = (u32)gic_mmio_read(gicd_base + GICD_CTLR, 4);

	group0_sgi = ctlr & GICD_CTLR_DS;
	if (group0_sgi && !(ctlr & GICD_CTLR_GRP0))
		gic_mmio_write(gicd_base + GICD_CTLR, 4, ctlr | GICD_CTLR_GRP0);
}

static int v3_map_devices(struct paging *hyp, const struct wd_system *sys)
{
	(void)sys;
	return gic_map_frame(hyp, gicd_base, GICD_SIZE)
		       ?: gic_map_frame(hyp, gicr_base, num_cpus * GICR_STRIDE)
		       ?: (gits_base ? gic_map_frame(hyp, gits_base, GITS_CTRL_SIZE)
				     : 0);
}

/* A direct-IRQ cell needs Warden's SGI out of its Group 1. */
static int v3_check_direct(const struct cell *cell)
{
	if (!cell->arch.direct_irq || group0_sgi)
		return 0;
	printk("GICv3: cell %s: direct IRQ needs GICD_CTLR.DS (one security "
	       "state)\n",
	       cell->name);
	return -ENODEV;
}

/* Distributor and redistributors trapped and emulated, for every cell;
 * the ITS's control frame checked, for the root. */
static int v3_cell_init(struct cell *cell)
{
	int err = v3_check_direct(cell);

	if (!err)
		err = mmio_register(cell, gicd_base, GICD_SIZE,
				    vgicv3_dist_access, NULL);
	if (!err)
		err = mmio_register(cell, gicr_base, num_cpus * GICR_STRIDE,
				    vgicv3_redist_access, NULL);
	if (!err && gits_base && cell == &root_cell)
		err = mmio_register(cell, gits_base, GITS_CTRL_SIZE,
				    vits_access, NULL);
	return err ?: gic_cell_take_irqs(cell);
}

/* GICR_TYPER[63:32] holds Aff3.Aff2.Aff1.Aff0 of the frame's CPU. */
static u64 find_redistributor(u64 mpidr)
{
	u64 aff = (mpidr & 0xffffff) | ((mpidr >> 8) & 0xff000000);
	u64 frame, typer;
	u32 i;

	for (i = 0, frame = gicr_base; i < num_cpus;
	     i++, frame += GICR_STRIDE) {
		typer = gic_mmio_read(frame + GICR_TYPER, 8);
		if ((typer >> 32) == aff)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

/* The virtual interface starts where Linux left the physical one. */
static u64 vmcr_from_physical(u64 ctlr)
{
	u64 pmr = read_sysreg(icc_pmr_el1) & 0xff;
	u64 bpr0 = read_sysreg(icc_bpr0_el1) & 7;
	u64 bpr1 = read_sysreg(icc_bpr1_el1) & 7;
	u64 eng1 = read_sysreg(icc_igrpen1_el1) & 1;
	u64 eng0 = read_sysreg(icc_igrpen0_el1) & 1;

	return pmr << 24 | bpr0 << 21 | bpr1 << 18 |
	       (u64) !!(ctlr & ICC_CTLR_EOIMODE) << 9 |
	       (u64) !!(ctlr & ICC_CTLR_CBPR) << 4 | eng1 << 1 | eng0;
}

static void clear_virtual_state(u32 num_lrs)
{
	unsigned int i;

	for (i = 0; i < num_lrs; i++)
		write_lr(i, 0);
	write_sysreg(0, ich_ap0r0_el2);
	write_sysreg(0, ich_ap1r0_el2);
}

/*
 * Group 0 at the highest priority: no Group-1 priority a cell can give
 * (vgic keeps them >= 0x80) blocks it. Linux gets Group 1 and its default
 * priority back on disable.
 */
static void set_warden_sgi_group(u64 rd, u32 group, u8 priority)
{
	u32 groups =
		(u32)gic_mmio_read(rd + GICR_IGROUPR0, 4) & ~BIT(SGI_WARDEN);

	gic_mmio_write(rd + GICR_IGROUPR0, 4, groups | group << SGI_WARDEN);
	gic_mmio_write(rd + GICR_IPRIORITYR0 + SGI_WARDEN, 1, priority);
	write_sysreg(!group, icc_igrpen0_el1);
}

static int v3_cpu_init(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u64 ctlr = read_sysreg(icc_ctlr_el1);

	a->gicr_base = find_redistributor(a->mpidr);
	if (!a->gicr_base) {
		printk("GICv3: no redistributor for MPIDR %llx\n", a->mpidr);
		return -ENODEV;
	}
	a->num_lrs = (read_sysreg(ich_vtr_el2) & 0xf) + 1;
	a->lr_mask = BIT(a->num_lrs) - 1;
	if (gic_check_lrs(pc))
		return -ENODEV;
	a->phys_ctlr = (u32)ctlr;
	a->gicc_va = 0; /* the fast path's "GICv3" */
	gic_set_queued(pc, 0);
	write_sysreg(vmcr_from_physical(ctlr), ich_vmcr_el2);
	/*
	 * The cells mask with their virtual PMR: the physical one lets
	 * every priority through, or a cell's interrupts at or below
	 * Linux's mask (0xf0) would never arrive. cpu_exit restores it.
	 */
	write_sysreg(0xff, icc_pmr_el1);
	clear_virtual_state(a->num_lrs);
	write_sysreg(ICH_HCR_EN, ich_hcr_el2);
	/* Warden drops priority itself; the cell deactivates (HW bit). */
	write_sysreg(ctlr | ICC_CTLR_EOIMODE, icc_ctlr_el1);
	gic_mmio_write(a->gicr_base + GICR_ISENABLER0, 4,
		       BIT(SGI_WARDEN) | BIT(25));
	v3_init_group0();
	if (group0_sgi)
		set_warden_sgi_group(a->gicr_base, 0, 0x00);
	isb();
	return 0;
}

static void repend_physical(const struct percpu *pc, u32 intid)
{
	if (intid < 32)
		gic_mmio_write(pc->arch.gicr_base + GICR_ISPENDR0, 4,
			       BIT(intid));
	else
		gic_mmio_write(gicd_base + GICD_ISPENDR + (intid / 32) * 4, 4,
			       (u32)BIT(intid % 32));
}

static void v3_send_sgi(const struct percpu *target, u32 intid);

/*
 * Hand a pending virtual interrupt back to the physical GIC: HW ones are
 * made pending again and deactivated, SGIs re-sent to this CPU. Active
 * HW ones stay active: the cell's coming DIR now reaches the physical
 * interface and ends them.
 */
static void lr_to_physical(struct percpu *pc, u64 lr)
{
	if (!(lr & LR_PENDING))
		return;
	if (lr & LR_HW) {
		repend_physical(pc, LR_PINTID(lr));
		if (!(lr & LR_ACTIVE))
			write_sysreg(LR_PINTID(lr), icc_dir_el1);
	} else if (LR_VINTID(lr) < 16) {
		v3_send_sgi(pc, LR_VINTID(lr));
	}
}

static void v3_cpu_exit(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u64 vmcr = read_sysreg(ich_vmcr_el2);
	unsigned int i;

	write_sysreg(ICH_HCR_EN, ich_hcr_el2);
	gic_mmio_write(a->gicr_base + GICR_ICENABLER0, 4,
		       BIT(SGI_WARDEN) | BIT(25));
	if (group0_sgi)
		set_warden_sgi_group(a->gicr_base, 1, GIC_DEFAULT_PRIORITY);
	write_sysreg((vmcr >> 24) & 0xff, icc_pmr_el1);
	write_sysreg((vmcr >> 18) & 7, icc_bpr1_el1);
	write_sysreg((vmcr >> 21) & 7, icc_bpr0_el1);
	write_sysreg((a->phys_ctlr & ~(ICC_CTLR_EOIMODE | ICC_CTLR_CBPR)) |
			     ((vmcr >> 9) & 1) << 1 | ((vmcr >> 4) & 1),
		     icc_ctlr_el1);
	write_sysreg((vmcr >> 1) & 1, icc_igrpen1_el1);
	for (i = 0; i < a->num_lrs; i++)
		lr_to_physical(pc, read_lr(i));
	clear_virtual_state(a->num_lrs);
	write_sysreg(0, ich_hcr_el2);
	gic_drop_queue(pc);
	isb();
}

/*
 * The fast path (exception.S) acknowledged it: the running priority is
 * still the interrupt's own (Warden drops it at once on every path, so
 * nothing else is active), i.e. what the cell wrote to its
 * GICD_IPRIORITYR, which the emulation passes to the hardware.
 */
static void v3_route_acked(struct percpu *pc, u32 iar)
{
	struct virq v = {.intid = iar & 0xffffff};

	v.prio = (u8)read_sysreg(icc_rpr_el1);
	v.hw = v.intid >= 16 && v.intid < INTID_SPURIOUS;
	gic_route(pc, iar, &v);
}

/*
 * Group 0 is Warden's: its SGI and the SMMU's SPIs (vgic_keep_spi). EOIR0 deactivates too on a direct CPU
 * (EOImode 0 there), elsewhere DIR does. Without DS, Warden's SGI stays
 * Group 1 and takes the IRQ path.
 */
static u32 v3_take_fiq(struct percpu *pc)
{
	u32 iar;

	/* Group 0 is the secure world's then: not ours to acknowledge. */
	if (!group0_sgi)
		return INTID_SPURIOUS;
	iar = (u32)read_sysreg(icc_iar0_el1) & 0xffffff;
	if (iar >= INTID_SPURIOUS)
		return iar;
	write_sysreg(iar, icc_eoir0_el1);
	if (!pc->arch.direct)
		write_sysreg(iar, icc_dir_el1);
	return iar;
}

static u32 v3_ack(struct virq *v)
{
	u32 iar = (u32)read_sysreg(icc_iar1_el1);

	v->intid = iar & 0xffffff;
	v->source = 0;
	v->hw = v->intid >= 16 && v->intid < INTID_SPURIOUS;
	return iar;
}

static void v3_eoi(u32 iar)
{
	write_sysreg(iar, icc_eoir1_el1);
}

static void v3_deactivate(u32 iar)
{
	write_sysreg(iar, icc_dir_el1);
}

/* An SGI already in a list register is merged into it. */
static bool merge_sgi(u64 used, u32 intid)
{
	unsigned int n;
	u64 lr;

	for (; used; used &= used - 1) {
		n = (unsigned int)__builtin_ctzll(used);
		lr = read_lr(n);
		if (LR_VINTID(lr) == intid) {
			write_lr(n, lr | LR_PENDING);
			return true;
		}
	}
	return false;
}

static int v3_inject(struct percpu *pc, const struct virq *v)
{
	u64 all = pc->arch.lr_mask;
	u64 free = read_sysreg(ich_elrsr_el2) & all;
	u64 lr = LR_PENDING | LR_GROUP1 | (u64)v->prio << LR_PRIO_SHIFT |
		 v->intid;

	if (!v->hw && merge_sgi(~free & all, v->intid))
		return 0;
	if (!free)
		return -EBUSY;
	if (v->hw)
		lr |= LR_HW | (u64)v->intid << LR_PINTID_SHIFT;
	write_lr((unsigned int)__builtin_ctzll(free), lr);
	return 0;
}

static void v3_set_underflow_irq(bool on)
{
	write_sysreg(ICH_HCR_EN | (on ? ICH_HCR_UIE : 0), ich_hcr_el2);
}

static u64 sgi1r_for(u64 mpidr, u32 intid)
{
	return ((mpidr >> 32) & 0xff) << 48 | ((mpidr >> 16) & 0xff) << 32 |
	       ((mpidr >> 8) & 0xff) << 16 |
	       ((mpidr >> 4) & 0xf) << SGI1R_RS_SHIFT |
	       (u64)intid << SGI1R_INTID_SHIFT | BIT(mpidr & 0xf);
}

/* An SGI reaches its target only through the register of its group. */
static void v3_send_sgi(const struct percpu *target, u32 intid)
{
	u64 value = sgi1r_for(target->arch.mpidr, intid);

	if (intid == SGI_WARDEN && group0_sgi)
		write_sysreg(value, ICC_SGI0R_EL1);
	else
		write_sysreg(value, ICC_SGI1R_EL1);
	isb();
}

/* Active priorities the cell left (it may never have run EOIR). */
static void clear_group1_active_priorities(void)
{
	u32 bits = ICC_CTLR_PRIBITS(read_sysreg(icc_ctlr_el1));

	write_sysreg(0, icc_ap1r0_el1);
	if (bits >= 6)
		write_sysreg(0, icc_ap1r1_el1);
	if (bits >= 7) {
		write_sysreg(0, icc_ap1r2_el1);
		write_sysreg(0, icc_ap1r3_el1);
	}
}

/* Back to trapping: Warden acknowledges, drops priority, injects. */
static void leave_direct(struct percpu *pc)
{
	clear_group1_active_priorities();
	write_sysreg(pc->arch.phys_ctlr | ICC_CTLR_EOIMODE, icc_ctlr_el1);
	write_sysreg(1, icc_igrpen1_el1);
	pc->arch.direct = false;
}

static void v3_cpu_quiesce(struct percpu *pc)
{
	unsigned int i;
	u64 lr;

	if (pc->arch.direct)
		leave_direct(pc);
	for (i = 0; i < pc->arch.num_lrs; i++) {
		lr = read_lr(i);
		if ((lr & LR_HW) && (lr & (LR_PENDING | LR_ACTIVE)))
			v3_deactivate(LR_PINTID(lr));
	}
	clear_virtual_state(pc->arch.num_lrs);
	gic_drop_queue(pc);
	v3_set_underflow_irq(false);
	/* A PPI the cell left asserted (PMU overflow) would wake the park. */
	gic_reset_private(pc->arch.gicr_base + GICR_SGI);
}

/*
 * A direct-IRQ CPU: the cell acknowledges and ends its Group-1
 * interrupts at the physical CPU interface. Its DIR and PMR go to the
 * virtual interface (FMO is set), so EOIR must deactivate too (EOImode
 * 0) and the physical PMR lets everything through; the cell masks with
 * DAIF. The virtual interface is off: no maintenance interrupt.
 */
static void enter_direct(struct percpu *pc)
{
	write_sysreg(0, ich_hcr_el2);
	write_sysreg(pc->arch.phys_ctlr & ~(ICC_CTLR_EOIMODE | ICC_CTLR_CBPR),
		     icc_ctlr_el1);
	write_sysreg(0xff, icc_pmr_el1);
	write_sysreg(0, icc_bpr1_el1);
	write_sysreg(1, icc_igrpen1_el1);
	pc->arch.direct = true;
}

static void v3_cpu_reset(struct percpu *pc)
{
	v3_cpu_quiesce(pc);
	write_sysreg(0, ich_vmcr_el2);
	if (pc->cell->arch.direct_irq)
		enter_direct(pc);
	isb();
}

/* Target-list bits of the cell's CPUs in the cluster an SGI1R names. */
static u64 allowed_targets(const struct percpu *pc, u64 value)
{
	const struct wd_platform *p = &wd_system_config()->platform;
	u64 cluster = value & (SGI1R_AFF_MASK | 0xfull << SGI1R_RS_SHIFT);
	u64 mask = 0, sgi, cpus;

	for (cpus = pc->cell->cpu_set; cpus; cpus &= cpus - 1) {
		sgi = sgi1r_for(p->arm64.mpidr[__builtin_ctzll(cpus)], 0);
		if ((sgi & ~SGI1R_TARGETS) == cluster)
			mask |= sgi & SGI1R_TARGETS;
	}
	return mask;
}

/* "All but self" (IRM) becomes one SGI per other CPU of the cell. */
static void send_to_others(const struct percpu *pc, u32 intid)
{
	const struct wd_platform *p = &wd_system_config()->platform;
	u64 cpus = pc->cell->cpu_set & ~BIT(pc->cpu_id);

	for (; cpus; cpus &= cpus - 1)
		write_sysreg(
			sgi1r_for(p->arm64.mpidr[__builtin_ctzll(cpus)], intid),
			ICC_SGI1R_EL1);
}

/*
 * A cell wrote ICC_SGI1R_EL1 (trapped because HCR_EL2.IMO is set). The
 * value is the cell's: only its own CPUs are signalled and Warden's SGI
 * is refused. A cell owning every CPU (the root while no other cell
 * exists) may signal any of them: its value goes out unchanged.
 */
void gicv3_handle_sgi_write(struct percpu *pc, u64 value)
{
	u32 intid = (value >> SGI1R_INTID_SHIFT) & 0xf;
	u64 targets;

	if (intid == SGI_WARDEN)
		return;
	if (vgic_has_all_cpus(pc->cell)) {
		write_sysreg(value, ICC_SGI1R_EL1);
	} else if (value & SGI1R_IRM) {
		send_to_others(pc, intid);
	} else {
		targets = value & SGI1R_TARGETS & allowed_targets(pc, value);
		if (targets)
			write_sysreg((value & ~SGI1R_TARGETS) | targets,
				     ICC_SGI1R_EL1);
	}
	isb();
}

const struct gic_ops gicv3_ops = {
	.init = v3_init,
	.map_devices = v3_map_devices,
	.cell_init = v3_cell_init,
	.cell_exit = gic_cell_give_irqs,
	.cpu_init = v3_cpu_init,
	.cpu_exit = v3_cpu_exit,
	.cpu_reset = v3_cpu_reset,
	.route_acked = v3_route_acked,
	.ack = v3_ack,
	.eoi = v3_eoi,
	.deactivate = v3_deactivate,
	.inject = v3_inject,
	.set_underflow_irq = v3_set_underflow_irq,
	.send_sgi = v3_send_sgi,
	.cpu_quiesce = v3_cpu_quiesce,
	.take_fiq = v3_take_fiq,
};
