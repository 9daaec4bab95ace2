/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 part of the per-CPU data. The areas are WD_PERCPU_SIZE aligned
 * (warden.lds.S), so the stack pointer names the CPU: the host never
 * touches FS or GS, which hold Linux's bases while it runs as a guest.
 */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

#include <wd/layout.h>
#include <wd/types.h>

struct percpu;

/* The guest's general registers VMRUN does not keep in the VMCB. */
struct x86_regs {
	u64 rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15;
};

/*
 * Where Linux goes on when this CPU leaves Warden (disable, a failed
 * enable, an INIT): entry.S's x86_leave hands it to the trampoline. Its
 * other registers are the trampoline's business (it saves what the C ABI
 * keeps).
 */
struct x86_return {
	u64 cr3, rsp, rip, rflags, rax;
};

struct arch_percpu {
	struct x86_regs regs; /* first: entry.S saves here (offset 0) */
	struct x86_return ret; /* entry.S: offset 112 */
	u64 vmcb_pa; /* one page: control area and guest state */
	u64 hsave_pa; /* one page: VM_HSAVE_PA, the host's state */
	u32 tlb_gen; /* the cell's arch.tlb_gen this CPU flushed for */
	u32 in_guest; /* from its generation read to the next exit (tlb.c) */
	/* xAPIC emulation (apic.c): what the guest wrote to ICR high,
	 * LDR, DFR; INIT/SIPI state (X86_RUNNING...) and NMI kicks sent
	 * to this CPU, both written by other CPUs. */
	u32 icr_high, ldr, dfr;
	u32 sipi, kicks;
};

_Static_assert(sizeof(struct x86_regs) == 112, "entry.S offsets");

static inline struct percpu *arch_this_cpu(void)
{
	u64 sp;

	asm volatile("mov %%rsp, %0" : "=r"(sp));
	return (struct percpu *)(sp & ~(u64)(WD_PERCPU_SIZE - 1));
}

#endif
