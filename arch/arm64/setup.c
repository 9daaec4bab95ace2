// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a CPU over from Linux's hyp stub and giving it back. On enable
 * the stub's VBAR_EL2 and Linux's HCR_EL2 are saved; on disable they are
 * restored, so Linux finds EL2 exactly as its stub left it.
 */
#include <arch.h>
#include <arch/aarch32.h>
#include <arch/cpu_state.h>
#include <arch/gic.h>
#include <arch/mmu.h>
#include <arch/smmu.h>
#include <arch/sysreg.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>

int pl011_map(struct paging *hyp, u64 phys);

/* VMID 0 is the parked CPUs' empty stage 2, 1 the root's. */
#define ROOT_VMID 1ull
#define FIRST_CELL_VMID 2ull

/*
 * Traps for a cell: stage 2 on, physical IRQ/FIQ/SError to EL2, SMC
 * trapped (PSCI comes to Warden), data cache maintenance by set/way
 * trapped (setway.c), AArch64 EL1 (RW; cleared for an AArch32 cell).
 */
#define HCR_CELL                                                               \
	(HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_TSC | HCR_TSW | \
	 HCR_RW)
/*
 * Non-root cells also trap the implementation-defined controls of the
 * core (ACTLR_EL1, IMPLEMENTATION DEFINED system registers): Warden does
 * not emulate them, so such an access fails the cell.
 */
#define HCR_NONROOT (HCR_TACR | HCR_TIDCP)

/*
 * A direct-IRQ cell's Group-1 interrupts go straight to its EL1 (IMO
 * clear); Warden's Group-0 SGI still comes here as an FIQ (FMO).
 */
u64 arch_hcr(const struct percpu *pc)
{
	u64 hcr = HCR_CELL | (pc->arch.stub_hcr & HCR_KEEP_FROM_LINUX);

	if (pc->cell == &root_cell)
		return hcr;
	if (pc->cell->arch.direct_irq)
		hcr &= ~HCR_IMO;
	if (aarch32_cell(pc->cell))
		hcr &= ~HCR_RW;
	return hcr | HCR_NONROOT;
}

int arch_map_devices(struct paging *hyp, const struct wd_system *sys)
{
	int err = 0;

	if (sys->console.type == WD_CONSOLE_PL011)
		err = pl011_map(hyp, sys->console.phys);
	if (!err)
		err = gic_init(sys) ?: gic->map_devices(hyp, sys);
	return err ?: smmu_map(hyp, sys);
}

static void flush_stage2_tlb(void)
{
	dsb(ishst);
	asm volatile("tlbi vmalls12e1" : : : "memory");
	dsb(nsh);
	isb();
}

int arch_cpu_init(struct percpu *pc)
{
	const struct wd_system *sys = wd_system_config();
	struct arch_percpu *a = &pc->arch;
	int err;

	a->mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	if (a->mpidr !=
	    (sys->platform.arm64.mpidr[pc->cpu_id] & MPIDR_AFF_MASK)) {
		printk("CPU %u: MPIDR %llx does not match the config\n",
		       pc->cpu_id, a->mpidr);
		return -EINVAL;
	}
	err = gic->cpu_init(pc);
	if (err)
		return err;
	a->stub_vbar = read_sysreg(vbar_el2);
	a->stub_hcr = read_sysreg(hcr_el2);
	smccc_probe(a);
	if (a->bp_fid)
		printk("CPU %u: SMCCC workaround 0x%llx on every entry\n",
		       pc->cpu_id, a->bp_fid);
	arch_el2_controls_init(a);
	write_sysreg(vtcr_el2_value(), vtcr_el2);
	write_sysreg(pc->cell->arch.vttbr, vttbr_el2);
	write_sysreg(smccc_vectors(a), vbar_el2);
	write_sysreg(arch_hcr(pc), hcr_el2);
	isb();
	flush_stage2_tlb();
	return 0;
}

void arch_cpu_exit(struct percpu *pc)
{
	gic->cpu_exit(pc);
	arch_el2_controls_exit(&pc->arch);
	write_sysreg(pc->arch.stub_hcr, hcr_el2);
	isb();
	/* Drop the cell's stage-2 TLB entries before VMID 0 runs again. */
	flush_stage2_tlb();
	write_sysreg(0, vttbr_el2);
	write_sysreg(pc->arch.stub_vbar, vbar_el2);
	isb();
}

static u64 cell_vmid(const struct cell *cell)
{
	if (cell == &root_cell)
		return ROOT_VMID;
	return FIRST_CELL_VMID + cell_slot(cell);
}

int arch_cell_init(struct cell *cell)
{
	int err;

	/* The checker trusted the system config; the CPU has the last word. */
	if (aarch32_cell(cell) && !aarch32_el1_supported()) {
		printk("cell '%s': this CPU has no AArch32 at EL1\n",
		       cell->desc->name);
		return -EINVAL;
	}
	cell->arch.vttbr = paging_pa(cell->stage2.root) |
			   cell_vmid(cell) << VTTBR_VMID_SHIFT;
	cell->arch.direct_irq =
		cell != &root_cell && (cell->desc->flags & WD_CELL_DIRECT_IRQ);
	err = gic->cell_init(cell);
	if (!err && (err = smmu_cell_init(cell)))
		gic->cell_exit(cell);
	return err;
}

void arch_cell_exit(struct cell *cell)
{
	smmu_cell_exit(cell); /* its streams leave before its memory */
	gic->cell_exit(cell);
	cell->arch.vttbr = 0;
}
