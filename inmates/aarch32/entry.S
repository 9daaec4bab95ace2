/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * AArch32 inmate start-up and vectors (A32 state). Warden enters at the
 * image's first byte in SVC mode, A/I/F masked, MMU off, r0 = the comm
 * region's address (Documentation/inmate-abi.md, "AArch32 cells").
 * Each exception mode gets a stack; IRQs are handled on the SVC stack so
 * C code may nest in nothing but one place. Shared with the ChibiOS BSP
 * (inmates/chibios/start.S), which brings its own a32_irq_vector (the
 * port's IRQ entry) and a32_main (SYS mode, then ChibiOS's main).
 */
#define MODE_IRQ 0x12
#define MODE_SVC 0x13
#define MODE_ABT 0x17
#define MODE_UND 0x1b

	.syntax	unified
	.arm
	.section .text.entry, "ax"
	.global	_start
	.type	_start, %function
_start:
	cpsid	aif
	mov	r4, r0
	ldr	r0, =a32_vectors
	mcr	p15, 0, r0, c12, c0, 0	/* VBAR */
	cps	#MODE_IRQ
	ldr	sp, =__irq_stack_top
	cps	#MODE_ABT
	ldr	sp, =__exc_stack_top
	cps	#MODE_UND
	ldr	sp, =__exc_stack_top
	cps	#MODE_SVC
	ldr	sp, =__stack_top
	isb
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	mov	r0, r4
	bl	a32_comm_init
	bl	a32_main
2:	wfi
	b	2b

	.balign	32
a32_vectors:
	b	.			/* reset: not taken at EL1 */
	b	und_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	.			/* not used */
	b	a32_irq_vector
	b	.			/* FIQ: Warden's own, never the cell's */

/* Faults of the inmate itself: say so to Warden, which fails the cell. */
und_entry:
	mov	r0, #0			/* syndrome: undefined instruction */
	sub	r1, lr, #4
	b	fault_common
svc_entry:
	mov	r0, #(0x11 << 26)	/* an SVC the inmate did not expect */
	sub	r1, lr, #4
	b	fault_common
pabt_entry:
	mrc	p15, 0, r0, c5, c0, 1	/* IFSR */
	orr	r0, r0, #(0x21 << 26)
	sub	r1, lr, #4
	b	fault_common
dabt_entry:
	mrc	p15, 0, r0, c5, c0, 0	/* DFSR */
	orr	r0, r0, #(0x25 << 26)
	sub	r1, lr, #8
fault_common:
	bl	a32_report_fault
	b	.

/*
 * IRQ: return state onto the SVC stack, then C with an 8-aligned stack.
 * Weak: a program with its own IRQ entry (an RTOS port) defines it.
 */
	.weak	a32_irq_vector
a32_irq_vector:
	sub	lr, lr, #4
	srsdb	sp!, #MODE_SVC
	cps	#MODE_SVC
	push	{r0-r3, r12, lr}
	and	r1, sp, #4
	sub	sp, sp, r1
	push	{r1, r2}
	bl	a32_irq_handler
	pop	{r1, r2}
	add	sp, sp, r1
	pop	{r0-r3, r12, lr}
	rfeia	sp!

	.pool

/*
 * A second CPU started by PSCI CPU_ON at a32_secondary | 1: Warden enters
 * it in T32 state (bit 0 of the entry), SVC mode, r0 = the context, here
 * the top of its stack. Its own section: a program that starts no second
 * CPU (and has no a32_secondary_main) leaves it out.
 */
	.section .text.a32_secondary, "ax"
	.thumb
	.global	a32_secondary
	.type	a32_secondary, %function
a32_secondary:
	mov	sp, r0
	bl	a32_secondary_main
1:	wfi
	b	1b
