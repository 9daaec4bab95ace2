/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 interrupt and exception entry stubs, 16 bytes apart so that
 * idt.c computes each one's address. Exceptions (vectors 0..31) build a
 * struct exception_frame and go to exception_fatal, which reports and
 * halts. Interrupts (32..255) read the TSC first (their latency sample,
 * as the arm64 vector reads the counter) and call irq_dispatch(vector,
 * tsc) with the caller-saved registers saved; the stub IRETs.
 */
#include <inmate/exception.h>

/* Exceptions that push an error code: #DF, #TS, #NP, #SS, #GP, #PF,
 * #AC, #CP, #VC, #SX. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

	.section .text.vectors, "ax"
	.code64
	.balign 16
	.global x86_exception_stubs
x86_exception_stubs:
	.set vec, 0
	.rept 32
	.balign 16
	.if !HAS_ERROR_CODE(vec)
	pushq	$0
	.endif
	pushq	$vec
	jmp	exception_common
	.set vec, vec + 1
	.endr

	.balign 16
	.global x86_irq_stubs
x86_irq_stubs:
	.set vec, 32
	.rept 224
	.balign 16
	pushq	%rax
	pushq	%rdx
	rdtsc
	pushq	$vec
	jmp	irq_common
	.set vec, vec + 1
	.endr

/* Stack: vector, error code, then the CPU's RIP, CS, RFLAGS, RSP, SS. */
exception_common:
	pushq	$0 /* entry_ticks */
	pushq	%r15
	pushq	%r14
	pushq	%r13
	pushq	%r12
	pushq	%r11
	pushq	%r10
	pushq	%r9
	pushq	%r8
	pushq	%rbp
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rbx
	pushq	%rax
	movq	%rsp, %rdi
	andq	$-16, %rsp
	call	exception_fatal
1:	cli
	hlt
	jmp	1b

/* Stack: vector, RDX, RAX, the CPU's frame. EDX:EAX = the TSC. */
irq_common:
	pushq	%rcx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbp
	shlq	$32, %rdx
	movl	%eax, %esi
	orq	%rdx, %rsi
	movq	8 * 8(%rsp), %rdi
	/* The CPU aligned RSP to 16 before its frame; the ABI wants it
	 * aligned at the call whatever the pushes add up to. */
	movq	%rsp, %rbp
	andq	$-16, %rsp
	call	irq_dispatch
	movq	%rbp, %rsp
	popq	%rbp
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rcx
	addq	$8, %rsp
	popq	%rdx
	popq	%rax
	iretq
