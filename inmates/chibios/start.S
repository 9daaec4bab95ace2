/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * ChibiOS start-up in a Warden AArch32 cell (A32). Warden enters at the
 * first byte in SVC mode, A/I/F masked, MMU off, r0 = the comm region
 * (Documentation/inmate-abi.md, section 13). Each exception mode gets its
 * stack; main() runs in SYS mode, where the ChibiOS ARM port runs its
 * threads. IRQs go to the port's own Irq_Handler (chcoreasm.S); faults of
 * the cell are reported to Warden, which fails the cell.
 */
#define MODE_FIQ 0x11
#define MODE_IRQ 0x12
#define MODE_SVC 0x13
#define MODE_ABT 0x17
#define MODE_UND 0x1b
#define MODE_SYS 0x1f
#define MASKED 0xc0

	.syntax	unified
	.arm
	.section .text.entry, "ax"
	.global	_start
	.type	_start, %function
_start:
	cpsid	aif
	mov	r4, r0
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0	/* VBAR */
	msr	cpsr_c, #(MODE_FIQ | MASKED)
	ldr	sp, =fiq_stack + 256
	msr	cpsr_c, #(MODE_IRQ | MASKED)
	ldr	sp, =irq_stack + 8192
	msr	cpsr_c, #(MODE_ABT | MASKED)
	ldr	sp, =exc_stack + 1024
	msr	cpsr_c, #(MODE_UND | MASKED)
	ldr	sp, =exc_stack + 1024
	msr	cpsr_c, #(MODE_SVC | MASKED)
	ldr	sp, =exc_stack + 1024
	msr	cpsr_c, #(MODE_SYS | MASKED)
	ldr	sp, =main_stack + 16384
	isb
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	ldr	r0, =a32_comm
	str	r4, [r0]
	bl	main
2:	wfi
	b	2b

	.balign	32
vectors:
	b	.
	b	und_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	.
	b	Irq_Handler
	b	.

und_entry:
	mov	r0, #0			/* syndrome: undefined instruction */
	sub	r1, lr, #4
	b	fault
svc_entry:
	mov	r0, #(0x11 << 26)
	sub	r1, lr, #4
	b	fault
pabt_entry:
	mrc	p15, 0, r0, c5, c0, 1	/* IFSR */
	orr	r0, r0, #(0x21 << 26)
	sub	r1, lr, #4
	b	fault
dabt_entry:
	mrc	p15, 0, r0, c5, c0, 0	/* DFSR */
	orr	r0, r0, #(0x25 << 26)
	sub	r1, lr, #8
fault:
	bl	a32_report_fault
	b	.

	.pool

	.bss
	.balign	8
fiq_stack:	.space	256
irq_stack:	.space	8192
exc_stack:	.space	1024
main_stack:	.space	16384
