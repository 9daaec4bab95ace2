// SPDX-License-Identifier: GPL-2.0
/*
 * #VMEXIT handling: one small handler per intercepted cause
 * (Documentation/x86.md has the table). Everything in the VMCB and the
 * saved registers is the guest's: untrusted values, checked before use.
 * No NRIP save under QEMU's TCG: the handlers know their instruction's
 * length (VMMCALL 3 bytes, RDMSR and WRMSR 2).
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/printk.h>

static u64 *vmcb_of(struct percpu *pc, unsigned int off)
{
	return vmcb_u64(paging_ptr(pc->arch.vmcb_pa), off);
}

static void skip(struct percpu *pc, u64 len)
{
	*vmcb_of(pc, VMCB_RIP) += len;
}

static void inject(struct percpu *pc, unsigned int vector, bool error_code)
{
	*vmcb_of(pc, VMCB_EVENTINJ) = vector | SVM_EVT_EXCEPTION |
				      (error_code ? SVM_EVT_ERROR_VALID : 0) |
				      SVM_EVT_VALID;
}

static bool is_root(const struct percpu *pc)
{
	return pc->cell == &root_cell;
}

/* Outside long mode only the low halves are the guest's registers. */
static u64 reg(const struct percpu *pc, u64 v)
{
	return *vmcb_of((struct percpu *)pc, VMCB_EFER) & EFER_LMA ? v : (u32)v;
}

/*
 * RAX = id, RDI, RSI, RDX = arguments, RAX = result (hypercalls.md).
 * VMMCALL exits at any privilege level: only the kernel (CPL 0) may
 * call, a process gets #UD as on a machine without Warden.
 */
static void vmmcall(struct percpu *pc)
{
	u64 id = reg(pc, *vmcb_of(pc, VMCB_RAX));
	const struct x86_regs *r = &pc->arch.regs;
	long ret = -ENOSYS;

	pc->stats[WD_STAT_HYPERCALL]++;
	if (*((u8 *)paging_ptr(pc->arch.vmcb_pa) + VMCB_CPL)) {
		inject(pc, X86_UD, false);
		return;
	}
	skip(pc, 3);
	if (hypercall_is_warden(id))
		ret = hypercall_dispatch(pc, id, reg(pc, r->rdi),
					 reg(pc, r->rsi), reg(pc, r->rdx));
	*vmcb_of(pc, VMCB_RAX) = (u64)ret;
	/* Every failed call counts towards a flood, as on arm64. */
	if (ret < 0)
		cell_bad_call(pc, *vmcb_of(pc, VMCB_RIP));
}

/*
 * A cell's EFER: only the long-mode and syscall bits; anything else would
 * make VMRUN refuse the state (or is not the cell's business).
 */
#define EFER_CELL (EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE | EFER_SVME)

/* A cell's MSR exit: an EFER write it may do, or a fault. */
static bool cell_msr(struct percpu *pc, u32 index, bool write, u64 value)
{
	if (index == MSR_EFER && write && !(value & ~EFER_CELL)) {
		*vmcb_of(pc, VMCB_EFER) = value | EFER_SVME;
		return true;
	}
	if (index == MSR_APIC_BASE && write && apic_base_write_ok(value)) {
		wrmsr(MSR_APIC_BASE, value);
		return true;
	}
	cell_fail(pc->cell,
		  write ? "write of an MSR it does not own"
			: "read of an MSR it does not own",
		  index);
	return false;
}

/*
 * EFER keeps SVME (VMRUN requires it; the guest cannot run SVM anyway,
 * its instructions are intercepted). VM_CR reads as "SVM disabled and
 * locked", so Linux's KVM leaves it alone; VM_HSAVE_PA reads 0. Writes
 * to both are dropped.
 */
static void msr(struct percpu *pc)
{
	u32 index = (u32)pc->arch.regs.rcx;
	bool write = *vmcb_of(pc, VMCB_EXITINFO1) & 1;
	u64 value = (u32)*vmcb_of(pc, VMCB_RAX) | pc->arch.regs.rdx << 32;

	pc->stats[WD_STAT_SYSREG]++;
	if (!is_root(pc)) {
		if (cell_msr(pc, index, write, value))
			skip(pc, 2);
		return;
	}
	if (index == MSR_EFER && write) {
		*vmcb_of(pc, VMCB_EFER) = value | EFER_SVME;
	} else if (index == MSR_APIC_BASE && write &&
		   apic_base_write_ok(value)) {
		wrmsr(MSR_APIC_BASE, value);
	} else if (index == MSR_VM_CR || index == MSR_VM_HSAVE_PA) {
		if (!write) {
			value = index == MSR_VM_CR ? VM_CR_SVMDIS | VM_CR_LOCK
						   : 0;
			*vmcb_of(pc, VMCB_RAX) = (u32)value;
			pc->arch.regs.rdx = value >> 32;
		}
	} else {
		inject(pc, X86_GP, true);
		return;
	}
	skip(pc, 2);
}

/*
 * A data access to the xAPIC page is emulated (apic.c). Anything else:
 * memory the guest does not own: the root gets #GP (reported), a cell
 * fails.
 */
static void npf(struct percpu *pc)
{
	u64 gpa = *vmcb_of(pc, VMCB_EXITINFO2);

	if (!(*vmcb_of(pc, VMCB_EXITINFO1) & (NPF_FETCH | NPF_IN_WALK)) &&
	    apic_access(pc, gpa))
		return;
	pc->stats[WD_STAT_MMIO]++;
	cell_fail(pc->cell, "access to memory it does not own", gpa);
	if (is_root(pc))
		inject(pc, X86_GP, true);
}

/*
 * A port the guest does not own: a cell fails; for the root (a port a
 * cell owns now) it is absent: IN reads all ones, OUT and the string
 * forms do nothing, reported (rate-limited).
 */
static void ioio(struct percpu *pc)
{
	u64 info = *vmcb_of(pc, VMCB_EXITINFO1);
	u64 ones = (1ull << (8 * IOIO_SIZE(info))) - 1;

	pc->stats[WD_STAT_OTHER]++;
	cell_fail(pc->cell, "I/O port it does not own", IOIO_PORT(info));
	if (!is_root(pc))
		return;
	if ((info & IOIO_IN) && !(info & IOIO_STRING))
		*vmcb_of(pc, VMCB_RAX) |= ones;
	*vmcb_of(pc, VMCB_RIP) = *vmcb_of(pc, VMCB_EXITINFO2);
}

/*
 * A physical INIT: no cell sends one (apic.c emulates them), but the
 * root's IOAPIC or an MSI could. Defence only: this CPU leaves Warden
 * like a disable (the INIT, still pending, resets it; QEMU's TCG does
 * at once), and the driver enters it again (enter.c, driver/arch_x86.c).
 */
static void init_signal(struct percpu *pc)
{
	pc->stats[WD_STAT_POWER]++;
	if (!is_root(pc))
		cell_fail(pc->cell, "INIT signal", 0);
	else if (hypercall_dispatch(pc, WD_HC_DISABLE, 0, 0, 0))
		printk("CPU %u: INIT while Warden cannot let it go\n",
		       pc->cpu_id);
}

/* The guest cannot go on: say so and keep the CPU here. */
static __attribute__((noreturn)) void stop(struct percpu *pc, const char *why)
{
	printk("CPU %u: %s (exit 0x%llx at 0x%llx): CPU stopped\n", pc->cpu_id,
	       why, *vmcb_of(pc, VMCB_EXITCODE), *vmcb_of(pc, VMCB_RIP));
	for (;;)
		asm volatile("cli; hlt");
}

/* A cell cannot go on (or asked for what it may not have): it fails. */
static void guest_lost(struct percpu *pc, const char *why)
{
	if (is_root(pc))
		stop(pc, why);
	pc->stats[WD_STAT_OTHER]++;
	cell_fail(pc->cell, why, *vmcb_of(pc, VMCB_EXITCODE));
}

static void dispatch(struct percpu *pc, u64 code)
{
	if (code == SVM_EXIT_NPF)
		npf(pc);
	else if (code == SVM_EXIT_VMMCALL)
		vmmcall(pc);
	else if (code == SVM_EXIT_MSR)
		msr(pc);
	else if (code == SVM_EXIT_IOIO)
		ioio(pc);
	else if (code == SVM_EXIT_NMI)
		apic_nmi(pc);
	else if (code == SVM_EXIT_INIT)
		init_signal(pc);
	else if (code >= SVM_EXIT_VMRUN && code <= SVM_EXIT_SKINIT)
		inject(pc, X86_UD, false); /* SVM is Warden's */
	else if (code == 0x7a) /* INVLPGA */
		inject(pc, X86_UD, false);
	else if (code == SVM_EXIT_SHUTDOWN)
		guest_lost(pc, "shutdown (triple fault)");
	else
		guest_lost(pc, "unexpected exit");
}

/* Linux's GDT and IDT, as the root has them now, for its way back. */
static void leave_tables(struct percpu *pc)
{
	const struct vmcb_seg *g = (const void *)vmcb_of(pc, VMCB_GDTR);
	const struct vmcb_seg *i = (const void *)vmcb_of(pc, VMCB_IDTR);

	host_tables_restore(g->base, (u16)g->limit, i->base, (u16)i->limit);
}

/* entry.S: 0 to run the guest again, 1 to leave to Linux. */
long x86_handle_exit(struct percpu *pc)
{
	u64 code = *vmcb_of(pc, VMCB_EXITCODE);

	__atomic_store_n(&pc->arch.in_guest, 0, __ATOMIC_SEQ_CST);
	*vmcb_of(pc, VMCB_EVENTINJ) = 0;
	dispatch(pc, code);
	if (!pc->leaving) {
		apic_check_init(pc);
		cell_cpu_check_requests(pc);
		return 0;
	}
	pc->leaving = false;
	leave_tables(pc);
	pc->arch.ret = (struct x86_return){
		.cr3 = *vmcb_of(pc, VMCB_CR3),
		.rsp = *vmcb_of(pc, VMCB_RSP),
		.rip = *vmcb_of(pc, VMCB_RIP),
		.rflags = *vmcb_of(pc, VMCB_RFLAGS),
		.rax = *vmcb_of(pc, VMCB_RAX),
	};
	return 1;
}

void arch_print_trap(void)
{
	struct percpu *pc = this_cpu();

	printk("  exit 0x%llx info1 0x%llx info2 0x%llx rip 0x%llx\n",
	       *vmcb_of(pc, VMCB_EXITCODE), *vmcb_of(pc, VMCB_EXITINFO1),
	       *vmcb_of(pc, VMCB_EXITINFO2), *vmcb_of(pc, VMCB_RIP));
}
