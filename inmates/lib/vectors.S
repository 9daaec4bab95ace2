/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL1 exception vectors. Inmates run at EL1h and never drop to EL0, so only
 * the "current EL with SP_ELx" group is expected; anything else is reported
 * as a fatal fault.
 *
 * The IRQ path is the latency benchmark's measuring point: its first
 * instructions read CNTVCT_EL0 (exception entry is context synchronising,
 * so no isb is needed before the read) and only then save the registers a
 * C call clobbers. Synchronous exceptions, FIQ and SError are fatal: they
 * save every register for the fault report.
 */
#include <inmate/exception.h>

/* Full frame for the fault report; x0 = frame. */
.macro save_all kind
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	mrs	x0, elr_el1
	stp	x30, x0, [sp, #FRAME_ELR - 8]
	mrs	x0, spsr_el1
	mrs	x1, cntvct_el0
	stp	x0, x1, [sp, #FRAME_SPSR]
	mov	x0, #\kind
	str	x0, [sp, #FRAME_KIND]
	mov	x0, sp
.endm

.macro fatal_vector kind
	.balign	0x80
	save_all \kind
	b	fatal_exception
.endm

.macro irq_vector
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	mrs	x0, cntvct_el0
	str	x0, [sp, #FRAME_ENTRY_TICKS]
	b	irq_entry
.endm

	.text
	.balign	0x800
	.global	exception_vectors
exception_vectors:
	/* Current EL with SP_EL0: inmates never run on SP_EL0. */
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	/* Current EL with SP_ELx: where everything is expected. */
	fatal_vector EXC_SYNC
	irq_vector
	fatal_vector EXC_FIQ
	fatal_vector EXC_SERROR
	/* Lower EL, AArch64 and AArch32: there is no lower EL in use. */
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE
	fatal_vector EXC_BAD_MODE

fatal_exception:
	bl	exception_fatal
	/* exception_fatal halts; never return into the faulting code. */
1:	wfi
	b	1b

/*
 * Save what the AAPCS lets a C function clobber (x0..x18, x30) plus ELR
 * and SPSR, dispatch, restore and return. IRQs stay masked throughout: no
 * nesting, so one frame per CPU is all the stack this needs.
 */
irq_entry:
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	str	x18, [sp, #16 * 9]
	mrs	x0, elr_el1
	stp	x30, x0, [sp, #FRAME_ELR - 8]
	mrs	x0, spsr_el1
	str	x0, [sp, #FRAME_SPSR]
	mov	x0, sp
	bl	irq_dispatch
	ldr	x0, [sp, #FRAME_SPSR]
	msr	spsr_el1, x0
	ldp	x30, x0, [sp, #FRAME_ELR - 8]
	msr	elr_el1, x0
	ldr	x18, [sp, #16 * 9]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #FRAME_SIZE
	eret
