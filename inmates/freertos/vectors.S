/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vector table FreeRTOS's AArch64 ports install (vPortRestoreTaskContext
 * writes VBAR_EL1 = _freertos_vector_table when the scheduler starts).
 * Tasks run at EL1 on SP_EL0 (the port's initial PSTATE is EL1t), so their
 * exceptions arrive in the "current EL with SP0" group; the tick handler
 * re-enables IRQs, so a nested IRQ arrives in the "SP_ELx" group.
 *
 * - IRQ: the port's FreeRTOS_IRQ_Handler (it acknowledges through the GIC
 *   and calls vApplicationIRQHandler, bsp.c).
 * - Synchronous: an SVC is the port's yield (FreeRTOS_SWI_Handler); every
 *   other synchronous exception (an abort, an undefined instruction) goes
 *   to the inmate library's fatal path, which reports it and calls
 *   WD_HC_CELL_FAULT so that Warden fails the cell. The port's own
 *   FreeRTOS_Abort would spin silently and leave the cell "running".
 * - FIQ, SError, anything from a lower EL: the library's fatal path too.
 */
#define LIB_SYNC_SPX 0x200 /* offsets in the library's exception_vectors */
#define LIB_FIQ_SPX 0x300
#define LIB_SERROR_SPX 0x380
#define LIB_BAD_MODE 0x000

.macro sync_vector
	.balign	0x80
	stp	x0, x1, [sp, #-16]!
	mrs	x0, esr_el1
	lsr	x0, x0, #26
	cmp	x0, #0x15		/* EC 0x15: SVC from AArch64 */
	ldp	x0, x1, [sp], #16	/* flags survive the load */
	b.eq	FreeRTOS_SWI_Handler
	b	exception_vectors + LIB_SYNC_SPX
.endm

.macro branch_vector target
	.balign	0x80
	b	\target
.endm

	.text
	.balign	0x800
	.global	_freertos_vector_table
_freertos_vector_table:
	/* Current EL with SP_EL0: tasks. */
	sync_vector
	branch_vector FreeRTOS_IRQ_Handler
	branch_vector exception_vectors + LIB_FIQ_SPX
	branch_vector exception_vectors + LIB_SERROR_SPX
	/* Current EL with SP_ELx: handlers, and the start-up code. */
	sync_vector
	branch_vector FreeRTOS_IRQ_Handler
	branch_vector exception_vectors + LIB_FIQ_SPX
	branch_vector exception_vectors + LIB_SERROR_SPX
	/* Lower EL: nothing runs below EL1. */
	.rept	8
	branch_vector exception_vectors + LIB_BAD_MODE
	.endr
