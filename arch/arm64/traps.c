// SPDX-License-Identifier: GPL-2.0
/*
 * Exits from the cells, dispatched on ESR_EL2.EC. Everything in the trap
 * frame and the syndrome comes from a cell: handlers check it and answer
 * with an error or an injected exception, never a hypervisor stop.
 *
 * What Warden does not handle is a fault of the cell: the root (Linux)
 * gets an undefined instruction injected and a console line; any other
 * cell fails (cell_fail()) and its CPUs park.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <arch/aarch32.h>
#include <arch/cpu_state.h>
#include <arch/gic.h>
#include <arch/hvc_fast.h>
#include <arch/psci.h>
#include <arch/smmu.h>
#include <arch/sysreg.h>
#include <arch/traps.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/hypercall.h>
#include <wd/percpu.h>
#include <wd/printk.h>

void gicv3_handle_sgi_write(struct percpu *pc, u64 value);
void handle_data_abort(struct percpu *pc, struct trap_frame *f, u64 esr);

/* Linux's stub ABI (HVC_SET_VECTORS..): tell callers no stub is here. */
#define STUB_HCALL_NR 4

static bool is_root(const struct percpu *pc)
{
	return pc->cell == &root_cell;
}

/* Root: undefined instruction; any other cell: it fails. */
static void unhandled(struct percpu *pc, const char *kind, u64 addr)
{
	pc->stats[WD_STAT_OTHER]++;
	if (!is_root(pc)) {
		cell_fail(pc->cell, kind, addr);
		return;
	}
	printk("CPU %u: %s at 0x%llx, ESR %llx\n", pc->cpu_id, kind, addr,
	       read_sysreg(esr_el2));
	inject_undef();
}

static long warden_or_stub_call(struct percpu *pc, struct trap_frame *f,
				u64 esr)
{
	u64 fid = f->x[0];

	if (ESR_ISS(esr) & 0xffff)
		return -ENOSYS;
	if (hypercall_is_warden(fid))
		return hypercall_dispatch(pc, fid, f->x[1], f->x[2], f->x[3]);
	if (fid < STUB_HCALL_NR)
		return WD_STUB_ERR;
	return -ENOSYS;
}

/*
 * Every failed call counts towards a flood (cell_bad_call()). Warden's own
 * calls skip the SMCCC and PSCI probes (the frequent ones: doorbells,
 * console lines): their range, SMCCC vendor hypervisor service
 * 0xc600xxxx, is neither an SMCCC arch call (0x8000xxxx) nor PSCI
 * (0x84/0xc40000xx), so skipping changes no answer.
 */
static void handle_hvc(struct percpu *pc, struct trap_frame *f, u64 esr)
{
	bool probe = !(ESR_ISS(esr) & 0xffff) && !hypercall_is_warden(f->x[0]);
	long ret;

	if (probe && smccc_handle(pc, f))
		return;
	if (probe && psci_is_call(f->x[0])) {
		psci_handle(pc, f);
		return;
	}
	pc->stats[WD_STAT_HYPERCALL]++;
	ret = warden_or_stub_call(pc, f, esr);
	f->x[0] = (u64)ret;
	if (ret < 0 || ret == WD_STUB_ERR)
		cell_bad_call(pc, read_sysreg(elr_el2) - 4);
}

/* hvc_fast.S's numbers (the doorbell fast path; its C half is core.h's). */
#define PC_OFF(f) __builtin_offsetof(struct percpu, f)
_Static_assert(HVC_FAST_DOORBELL == WD_HC_DOORBELL &&
		       ESR_HVC64_IMM0 == (EC_HVC64 << 26 | 1u << 25) &&
		       PC_OFF(cell) == PC_CELL &&
		       PC_OFF(stats[WD_STAT_HYPERCALL]) == PC_STAT_HYPERCALL,
	       "arch/hvc_fast.h");

/*
 * SMCCC fast calls of the standard secure (OEN 4: TRNG, ...), standard
 * hypervisor (5) and vendor hypervisor (6) services: a guest kernel
 * probes them (Linux asks for the TRNG and the hypervisor's UID at
 * boot), and under a hypervisor they are the hypervisor's to answer.
 */
static bool smccc_service_probe(u64 fid)
{
	u64 oen = (fid >> 24) & 0x3f;

	return (fid & 0x80000000ull) && !(fid >> 32) && oen >= 4 && oen <= 6;
}

/*
 * A trapped SMC returns to the SMC itself: step over it. Only PSCI goes
 * anywhere; a cell has no business with the secure firmware otherwise,
 * and fails on any SMC but a service probe (answered NOT_SUPPORTED).
 */
static void handle_smc(struct percpu *pc, struct trap_frame *f)
{
	u64 fid = f->x[0];

	skip_instruction();
	if (smccc_handle(pc, f))
		return;
	if (psci_is_call(f->x[0])) {
		psci_handle(pc, f);
		return;
	}
	pc->stats[WD_STAT_SMC]++;
	f->x[0] = (u64)-1; /* SMCCC NOT_SUPPORTED */
	if (!is_root(pc) && !smccc_service_probe(fid))
		cell_fail(pc->cell, "SMC that is not PSCI",
			  read_sysreg(elr_el2) - 4);
}

/* ISS of a trapped MSR/MRS: Op0, Op2, Op1, CRn, Rt, CRm, direction. */
#define SYSREG_ISS_MASK 0x3ffc1full /* all but Rt */
#define SYSREG_ICC_SGI1R 0x3a3016ull /* MSR S3_0_C12_C11_5 */

/* SGIs first: the only frequent one. Set/way (TSW) and PMU (TPM) next. */
static void handle_sysreg_iss(struct percpu *pc, struct trap_frame *f, u64 iss)
{
	if ((iss & SYSREG_ISS_MASK) == SYSREG_ICC_SGI1R) {
		pc->stats[WD_STAT_SYSREG]++;
		gicv3_handle_sgi_write(pc, frame_reg(f, SYSREG_RT(iss)));
		skip_instruction();
		return;
	}
	if (setway_handle_trap(pc, f, iss) || pmu_handle_trap(pc, f, iss))
		return;
	unhandled(pc, "trapped system register access", read_sysreg(elr_el2));
}

/*
 * AArch32 CP15 (EC 0x03, 0x04): the same handlers through the AArch64
 * encoding; anything without one (ACTLR, IMPLEMENTATION DEFINED
 * registers, the PMU) fails the cell.
 */
static void handle_cp15(struct percpu *pc, struct trap_frame *f, u64 esr)
{
	u64 value;

	if (aarch32_cond_failed(esr)) {
		skip_instruction();
		return;
	}
	if (ESR_EC(esr) == EC_CP15_32 && aarch32_cp15_iss(esr)) {
		handle_sysreg_iss(pc, f, aarch32_cp15_iss(esr));
		return;
	}
	if (ESR_EC(esr) == EC_CP15_64 && aarch32_sgi1r(f, esr, &value)) {
		pc->stats[WD_STAT_SYSREG]++;
		gicv3_handle_sgi_write(pc, value);
		skip_instruction();
		return;
	}
	unhandled(pc, "trapped CP15 access", read_sysreg(elr_el2));
}

/* A jump outside the cell's memory: the IPA is in HPFAR_EL2. */
static void handle_instruction_abort(struct percpu *pc)
{
	u64 ipa = ((read_sysreg(hpfar_el2) >> 4) << 12) |
		  (read_sysreg(far_el2) & 0xfff);

	pc->stats[WD_STAT_MMIO]++;
	if (is_root(pc)) {
		unhandled(pc, "stage-2 instruction abort", ipa);
		return;
	}
	cell_fail(pc->cell, "stage-2 instruction abort", ipa);
}

static void dispatch_sync(struct percpu *pc, struct trap_frame *f, u64 esr)
{
	switch (ESR_EC(esr)) {
	case EC_HVC64:
	case EC_HVC32:
		handle_hvc(pc, f, esr);
		break;
	case EC_SMC64:
	case EC_SMC32:
		handle_smc(pc, f);
		break;
	case EC_SYSREG:
		handle_sysreg_iss(pc, f, ESR_ISS(esr));
		break;
	case EC_CP15_32:
	case EC_CP15_64:
		handle_cp15(pc, f, esr);
		break;
	case EC_DABT_LOW:
		handle_data_abort(pc, f, esr);
		break;
	case EC_IABT_LOW:
		handle_instruction_abort(pc);
		break;
	default:
		unhandled(pc, "trapped instruction", read_sysreg(elr_el2));
	}
}

/* Returns true when the CPU leaves Warden (disable). */
bool arch_handle_sync(struct trap_frame *f)
{
	struct percpu *pc = this_cpu();

	aarch32_narrow_frame(f);
	dispatch_sync(pc, f, read_sysreg(esr_el2));
	cell_cpu_check_requests(pc); /* a failed cell parks right here */
	return pc->leaving;
}

/*
 * An interrupt the fast path (exception.S) acknowledged and left to C.
 * A cell failed by its interrupts (a virtual IRQ flood) parks here.
 */
void arch_handle_irq_acked(u32 iar)
{
	struct percpu *pc = this_cpu();

	gic->route_acked(pc, iar);
	cell_cpu_check_requests(pc);
}

/*
 * GICv3: Warden's SGI is Group 0 and comes as an FIQ, on every CPU (it
 * is how a direct-IRQ cell's CPU is stopped), and so are the SMMU's
 * lines (smmuv3.c), routed to CPU 0. Nothing else is Group 0.
 */
void arch_handle_fiq(struct trap_frame *f)
{
	struct percpu *pc = this_cpu();
	u32 intid = gic->take_fiq ? gic->take_fiq(pc) : INTID_SPURIOUS;

	(void)f;
	if (intid == SGI_WARDEN) {
		pc->stats[WD_STAT_IRQ]++;
		cell_cpu_kicked(pc); /* may not return */
		return;
	}
	if (intid >= INTID_SPURIOUS || smmu_irq(intid))
		return;
	pc->stats[WD_STAT_OTHER]++;
	printk("CPU %u: unexpected FIQ %u\n", pc->cpu_id, intid);
}

/* An SError of a cell is its own problem: report it and let it run. */
void arch_handle_serror(struct trap_frame *f)
{
	(void)f;
	this_cpu()->stats[WD_STAT_OTHER]++;
	printk("CPU %u: SError from the cell, ESR %llx\n", this_cpu()->cpu_id,
	       read_sysreg(esr_el2));
}

/* A fault at EL2 is a Warden bug: report it and stop this CPU. */
void arch_el2_fault(struct trap_frame *f)
{
	printk("Warden FAULT on CPU %u: ESR %llx ELR %llx FAR %llx LR %llx\n",
	       this_cpu()->cpu_id, read_sysreg(esr_el2), read_sysreg(elr_el2),
	       read_sysreg(far_el2), f->x[30]);
	for (;;)
		wfi();
}

/* An inmate reports ESR_EL1: EC 0 is "unknown reason", an undefined one. */
enum fault_kind arch_reported_fault(u64 syndrome)
{
	return ESR_EC(syndrome) == 0 ? FAULT_UNDEFINED_INSN : FAULT_OTHER;
}
