/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 context switching, as on arm64 (../switch.S): the timer's IRQ or a
 * job's INT 0x80 saves the complete register state as a struct
 * exception_frame (inmate/exception.h) on the current stack, the C entry
 * returns the frame to resume (possibly on another stack), and that
 * frame is restored and IRETQ'd to: RIP, RFLAGS and RSP come from it.
 * The TSC is read as soon as RAX and RDX are saved: entry_ticks.
 */
#include <inmate/platform.h>

#define F_RAX 0
#define F_RBX 8
#define F_RCX 16
#define F_RDX 24
#define F_RSI 32
#define F_RDI 40
#define F_RBP 48
#define F_R8 56
#define F_TICKS 120
#define F_SAVED 128 /* 15 registers and entry_ticks */

.macro rt_entry name, vector, c_entry
	.global \name
\name:
	pushq	$0 /* error code */
	pushq	$\vector
	subq	$F_SAVED, %rsp
	movq	%rax, F_RAX(%rsp)
	movq	%rdx, F_RDX(%rsp)
	rdtsc
	shlq	$32, %rdx
	orq	%rdx, %rax
	movq	%rax, F_TICKS(%rsp)
	leaq	\c_entry(%rip), %rax
	jmp	save_call_restore
.endm

	.text
	.code64
	rt_entry rt_irq_entry, PLATFORM_TIMER_VECTOR, rt_irq
	rt_entry rt_svc_entry, 0x80, rt_svc

/* RAX = the C entry; RAX and RDX are saved. */
save_call_restore:
	movq	%rbx, F_RBX(%rsp)
	movq	%rcx, F_RCX(%rsp)
	movq	%rsi, F_RSI(%rsp)
	movq	%rdi, F_RDI(%rsp)
	movq	%rbp, F_RBP(%rsp)
	movq	%r8, F_R8 + 0(%rsp)
	movq	%r9, F_R8 + 8(%rsp)
	movq	%r10, F_R8 + 16(%rsp)
	movq	%r11, F_R8 + 24(%rsp)
	movq	%r12, F_R8 + 32(%rsp)
	movq	%r13, F_R8 + 40(%rsp)
	movq	%r14, F_R8 + 48(%rsp)
	movq	%r15, F_R8 + 56(%rsp)
	movq	%rsp, %rdi
	andq	$-16, %rsp /* the ABI's alignment at the call */
	call	*%rax

	/* Resume the context whose frame is at RAX. */
	movq	%rax, %rsp
	movq	F_RBX(%rsp), %rbx
	movq	F_RCX(%rsp), %rcx
	movq	F_RDX(%rsp), %rdx
	movq	F_RSI(%rsp), %rsi
	movq	F_RDI(%rsp), %rdi
	movq	F_RBP(%rsp), %rbp
	movq	F_R8 + 0(%rsp), %r8
	movq	F_R8 + 8(%rsp), %r9
	movq	F_R8 + 16(%rsp), %r10
	movq	F_R8 + 24(%rsp), %r11
	movq	F_R8 + 32(%rsp), %r12
	movq	F_R8 + 40(%rsp), %r13
	movq	F_R8 + 48(%rsp), %r14
	movq	F_R8 + 56(%rsp), %r15
	movq	F_RAX(%rsp), %rax
	addq	$F_SAVED + 16, %rsp /* and the vector, the error code */
	iretq
