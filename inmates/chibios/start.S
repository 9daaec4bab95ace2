/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * ChibiOS on the AArch32 library's start-up (inmates/aarch32/entry.S:
 * mode stacks, .bss, the comm region, fault vectors reported to Warden).
 * What ChibiOS's ARM port needs on top: IRQs go to the port's own
 * Irq_Handler (chcoreasm.S, on the library's IRQ-mode stack), and main()
 * runs in SYS mode, where the port runs its threads, on its own stack.
 */
#define MODE_SYS 0x1f
#define MASKED 0xc0

	.syntax	unified
	.arm
	.text
	.global	a32_irq_vector
a32_irq_vector:
	b	Irq_Handler

	.global	a32_main
	.type	a32_main, %function
a32_main:
	msr	cpsr_c, #(MODE_SYS | MASKED)
	ldr	sp, =main_stack + 16384
	b	main
	.pool

	.bss
	.balign	8
main_stack:	.space	16384
