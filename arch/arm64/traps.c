// SPDX-License-Identifier: GPL-2.0
/*
 * Exits from the cells, dispatched on ESR_EL2.EC. Everything in the trap
 * frame and the syndrome comes from a cell: handlers check it and answer
 * with an error or an injected exception, never a hypervisor stop.
 */
#include <warden/hypercall.h>
#include <arch/gic.h>
#include <arch/psci.h>
#include <arch/sysreg.h>
#include <arch/traps.h>
#include <wd/errno.h>
#include <wd/hypercall.h>
#include <wd/percpu.h>
#include <wd/printk.h>

void gicv3_handle_sgi_write(struct percpu *pc, u64 value);
void handle_data_abort(struct percpu *pc, struct trap_frame *f, u64 esr);

/* Linux's stub ABI (HVC_SET_VECTORS..): tell callers no stub is here. */
#define STUB_HCALL_NR 4

static void handle_hvc(struct percpu *pc, struct trap_frame *f, u64 esr)
{
	u64 fid = f->x[0];

	if (ESR_ISS(esr) & 0xffff) {
		f->x[0] = (u64)-ENOSYS;
	} else if (hypercall_is_warden(fid)) {
		f->x[0] = (u64)hypercall_dispatch(pc, fid, f->x[1], f->x[2],
						  f->x[3]);
	} else if (psci_is_call(fid)) {
		psci_handle(pc, f);
	} else if (fid < STUB_HCALL_NR) {
		f->x[0] = WD_STUB_ERR;
	} else {
		f->x[0] = (u64)-ENOSYS;
	}
}

/* A trapped SMC returns to the SMC itself: step over it. */
static void handle_smc(struct percpu *pc, struct trap_frame *f)
{
	skip_instruction();
	if (psci_is_call(f->x[0]))
		psci_handle(pc, f);
	else
		f->x[0] = (u64)-1; /* SMCCC NOT_SUPPORTED */
}

/* ISS of a trapped MSR/MRS: Op0, Op2, Op1, CRn, Rt, CRm, direction. */
#define SYSREG_ISS_MASK 0x3ffc1full /* all but Rt */
#define SYSREG_ICC_SGI1R 0x3a3016ull /* MSR S3_0_C12_C11_5 */
#define SYSREG_RT(iss) (((iss) >> 5) & 0x1f)

static void handle_sysreg(struct percpu *pc, struct trap_frame *f, u64 esr)
{
	u64 iss = ESR_ISS(esr);

	pc->stats[WD_STAT_SYSREG]++;
	if ((iss & SYSREG_ISS_MASK) == SYSREG_ICC_SGI1R) {
		gicv3_handle_sgi_write(pc, frame_reg(f, SYSREG_RT(iss)));
		skip_instruction();
		return;
	}
	printk("CPU %u: unexpected system register trap, ISS %llx\n",
	       pc->cpu_id, iss);
	inject_undef();
}

bool arch_handle_sync(struct trap_frame *f)
{
	struct percpu *pc = this_cpu();
	u64 esr = read_sysreg(esr_el2);

	switch (ESR_EC(esr)) {
	case EC_HVC64:
		handle_hvc(pc, f, esr);
		break;
	case EC_SMC64:
		handle_smc(pc, f);
		break;
	case EC_SYSREG:
		handle_sysreg(pc, f, esr);
		break;
	case EC_DABT_LOW:
		handle_data_abort(pc, f, esr);
		break;
	default:
		printk("CPU %u: unhandled exit, ESR %llx at %llx\n", pc->cpu_id,
		       esr, read_sysreg(elr_el2));
		inject_undef();
	}
	return pc->leaving;
}

void arch_handle_irq(void)
{
	gic->handle_irq(this_cpu());
}

/* Nothing is configured as group 0; a FIQ here is unexpected but harmless. */
void arch_handle_fiq(struct trap_frame *f)
{
	(void)f;
	printk("CPU %u: unexpected FIQ\n", this_cpu()->cpu_id);
}

/* An SError of a cell is its own problem: report it and let it run. */
void arch_handle_serror(struct trap_frame *f)
{
	(void)f;
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
