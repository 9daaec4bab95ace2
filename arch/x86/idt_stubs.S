/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Warden's exception stubs (idt.c builds the IDT over them): one 16-byte
 * stub per vector 0..31. The NMI's returns at once: Warden takes an NMI
 * only to drop a kick it sent (host_take_nmi). Every other vector is a
 * fault in Warden: the stub pushes a dummy error code where the CPU has
 * none, the vector and the general registers, and calls x86_host_fault
 * (never returns). No stack switch (no IST, no TSS of Warden's): the
 * host runs at CPL 0 on its per-CPU stack, where the CPU pushes the frame.
 */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		      (v) == 21 || (v) == 29 || (v) == 30)

	.section .text, "ax"
	.balign 16
	.global x86_idt_stubs
x86_idt_stubs:
	vector = 0
	.rept 32
	.balign 16
	.if vector == 2
	iretq
	.else
	.if !HAS_ERROR(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	host_fault_common
	.endif
	vector = vector + 1
	.endr

host_fault_common:
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rdi
	call	x86_host_fault
	ud2
