/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Enable entry, the VMRUN loop and the way back to Linux.
 *
 * The driver's trampoline (driver/arch_x86.c) calls wd_entry on one CPU,
 * interrupts off, EFER.SVME on and GIF clear (no NMI or SMI may reach
 * Linux's IDT, unmapped here), on the early tables (early.c), identity
 * mapped:
 *   rdi = config CPU index, rsi = WD_ENTRY_COOKIE, rax = Linux's CR3,
 *   r10 = where Linux goes on (rip), r11 = its rsp, r8 = the trampoline's
 *   return (x86_leave jumps there on the early tables).
 * The CPU continues as the root's guest at r10 with rax = 0, or there
 * outside Warden with rax = -errno.
 *
 * The host runs with GIF clear throughout: #VMEXIT clears it, VMRUN sets
 * it for the guest only. Interrupts and NMIs are taken by the guest, not
 * by Warden (no INTR or NMI intercept).
 */
#include <warden/hv_image.h>
#include <wd/layout.h>

#define EINVAL 22

/* struct x86_regs and struct x86_return (arch/percpu.h) */
#define R_RBX 0
#define R_RCX 8
#define R_RDX 16
#define R_RSI 24
#define R_RDI 32
#define R_RBP 40
#define R_R8 48
#define R_R9 56
#define R_R10 64
#define R_R11 72
#define R_R12 80
#define R_R13 88
#define R_R14 96
#define R_R15 104
#define PC_RET 112
#define RET_CR3 (PC_RET + 0)
#define RET_RSP (PC_RET + 8)
#define RET_RIP (PC_RET + 16)
#define RET_RFLAGS (PC_RET + 24)
#define RET_RAX (PC_RET + 32)

	.section .text.entry, "ax"
	.global wd_entry
wd_entry:
	/*
	 * The early tables and the trampoline's return are the first
	 * entry's of this image copy: a later entry (a CPU Linux onlined
	 * again) must come the same way, so that it cannot move the way
	 * back of the CPUs already in Warden.
	 */
	mov	%cr3, %r9
	cmpq	$0, x86_early_cr3(%rip)
	jne	0f
	mov	%r9, x86_early_cr3(%rip)
	mov	%r8, x86_tramp_return(%rip)
0:	cmp	x86_early_cr3(%rip), %r9
	jne	bad_call
	cmp	x86_tramp_return(%rip), %r8
	jne	bad_call
	movabs	$WD_ENTRY_COOKIE, %r9
	cmp	%r9, %rsi
	jne	bad_call
	cmp	$WD_MAX_CPUS_HV, %rdi
	jae	bad_call
	/* this CPU's area: where Linux goes on, then the stack from the top */
	lea	wd_percpu_area(%rip), %r9
	mov	%rdi, %rsi
	imul	$WD_PERCPU_SIZE, %rsi
	add	%rsi, %r9
	mov	%rax, RET_CR3(%r9)
	mov	%r11, RET_RSP(%r9)
	mov	%r10, RET_RIP(%r9)
	lea	WD_PERCPU_SIZE(%r9), %rsp
	pushfq
	pop	RET_RFLAGS(%r9)
	call	x86_enter		/* (index): 0 or -errno */
	test	%rax, %rax
	jnz	x86_leave
	jmp	vmrun_loop

bad_call:	/* back at once (Linux's stack is not mapped: no push) */
	mov	%r11, %rdx
	mov	%r10, %rcx
	mov	$2, %r8			/* rflags: interrupts stay off */
	mov	$-EINVAL, %r9
	jmp	*%r8			/* the caller's own trampoline */

/*
 * The guest's registers live in pc->arch.regs (the start of the per-CPU
 * area, which is rsp rounded down); rax, rsp and rip are in the VMCB.
 */
vmrun_loop:	/* rsp is the top of the area: the area is below it */
	lea	-8(%rsp), %rdi
	and	$-WD_PERCPU_SIZE, %rdi
	call	x86_vmrun_prepare	/* rax = the VMCB's address */
	lea	-8(%rsp), %rdx
	and	$-WD_PERCPU_SIZE, %rdx
	push	%rdx
	mov	R_RBX(%rdx), %rbx
	mov	R_RCX(%rdx), %rcx
	mov	R_RSI(%rdx), %rsi
	mov	R_RDI(%rdx), %rdi
	mov	R_RBP(%rdx), %rbp
	mov	R_R8(%rdx), %r8
	mov	R_R9(%rdx), %r9
	mov	R_R10(%rdx), %r10
	mov	R_R11(%rdx), %r11
	mov	R_R12(%rdx), %r12
	mov	R_R13(%rdx), %r13
	mov	R_R14(%rdx), %r14
	mov	R_R15(%rdx), %r15
	mov	R_RDX(%rdx), %rdx
	vmrun	%rax
	/* #VMEXIT: rsp and rax are the host's again, the rest the guest's */
	mov	(%rsp), %rax
	mov	%rbx, R_RBX(%rax)
	mov	%rcx, R_RCX(%rax)
	mov	%rdx, R_RDX(%rax)
	mov	%rsi, R_RSI(%rax)
	mov	%rdi, R_RDI(%rax)
	mov	%rbp, R_RBP(%rax)
	mov	%r8, R_R8(%rax)
	mov	%r9, R_R9(%rax)
	mov	%r10, R_R10(%rax)
	mov	%r11, R_R11(%rax)
	mov	%r12, R_R12(%rax)
	mov	%r13, R_R13(%rax)
	mov	%r14, R_R14(%rax)
	mov	%r15, R_R15(%rax)
	add	$8, %rsp
	mov	%rax, %rdi
	call	x86_handle_exit		/* 0: run the guest again */
	test	%rax, %rax
	jz	vmrun_loop
	/* fall through: this CPU leaves Warden */

/*
 * Back to Linux at pc->arch.ret through the early tables and the
 * trampoline's return: rax = CR3, rdx = rsp, rcx = rip, r8 = rflags,
 * r9 = the result (the trampoline sets GIF and clears EFER.SVME).
 */
x86_leave:
	lea	-8(%rsp), %rsi
	and	$-WD_PERCPU_SIZE, %rsi
	mov	RET_CR3(%rsi), %rax
	mov	RET_RSP(%rsi), %rdx
	mov	RET_RIP(%rsi), %rcx
	mov	RET_RFLAGS(%rsi), %r8
	mov	RET_RAX(%rsi), %r9
	mov	x86_early_cr3(%rip), %r10
	mov	%r10, %cr3
	jmp	*x86_tramp_return(%rip)

/*
 * A cell's CPU starts (cell.c, arch_cpu_enter): rdi = the top of its
 * per-CPU area, the guest state in its fresh VMCB and pc->arch.regs. The
 * stack of the park it comes from is dropped.
 */
	.global x86_run_guest
x86_run_guest:
	mov	%rdi, %rsp
	jmp	vmrun_loop

/* Warden's only interrupt: a kick's NMI, taken between STGI and CLGI. */
	.global x86_nmi
x86_nmi:
	iretq
