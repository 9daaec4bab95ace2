/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Context switching. The RTOS installs its own EL1 vector table: an IRQ
 * or a job's `svc` saves the complete register state as a struct
 * exception_frame on the current stack (the running job's own stack, or
 * the boot stack when idle), calls the C entry, which returns the frame
 * to resume - possibly on another stack - and that frame is restored and
 * `eret`ed to. A switch is therefore just a different return frame; the
 * interrupt is acknowledged and EOIed in C before that.
 *
 * Every other exception goes, untouched, to the inmate library's vector
 * for the same slot (exception_vectors in inmates/lib/vectors.S), which
 * prints its fault report and halts.
 */
#include <inmate/exception.h>

#define ESR_EC_SHIFT 26
#define ESR_EC_WIDTH 6
#define EC_SVC64 0x15
#define VECTOR_SLOT 0x80
#define SLOT_SYNC_SPX 4

/* Hand this slot's exception to the library unchanged. */
.macro to_library slot
	.balign	VECTOR_SLOT
	b	exception_vectors + VECTOR_SLOT * \slot
.endm

	.text
	.balign	0x800
	.global	rt_vectors
rt_vectors:
	to_library 0
	to_library 1
	to_library 2
	to_library 3

	/* Synchronous, current EL with SP_ELx: a job's svc, or a fault. */
	.balign	VECTOR_SLOT
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	mrs	x0, esr_el1
	ubfx	x0, x0, #ESR_EC_SHIFT, #ESR_EC_WIDTH
	cmp	x0, #EC_SVC64
	b.ne	1f
	mrs	x0, cntvct_el0
	adr	x1, rt_svc
	b	save_call_restore
1:	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #FRAME_SIZE
	b	exception_vectors + VECTOR_SLOT * SLOT_SYNC_SPX

	/* IRQ, current EL with SP_ELx: the counter is read first. */
	.balign	VECTOR_SLOT
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	mrs	x0, cntvct_el0
	adr	x1, rt_irq
	b	save_call_restore

	to_library 6
	to_library 7
	to_library 8
	to_library 9
	to_library 10
	to_library 11
	to_library 12
	to_library 13
	to_library 14
	to_library 15

/*
 * x0 = counter at entry, x1 = C entry; the caller's x0 and x1 are saved.
 * The C entry gets the frame and returns the frame to resume in x0.
 */
save_call_restore:
	str	x0, [sp, #FRAME_ENTRY_TICKS]
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
	mrs	x2, elr_el1
	stp	x30, x2, [sp, #FRAME_ELR - 8]
	mrs	x2, spsr_el1
	str	x2, [sp, #FRAME_SPSR]
	mov	x0, sp
	blr	x1

	/* Resume the context whose frame is at x0. */
	mov	sp, x0
	ldr	x2, [sp, #FRAME_SPSR]
	msr	spsr_el1, x2
	ldp	x30, x2, [sp, #FRAME_ELR - 8]
	msr	elr_el1, x2
	ldp	x28, x29, [sp, #16 * 14]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x18, x19, [sp, #16 * 9]
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
