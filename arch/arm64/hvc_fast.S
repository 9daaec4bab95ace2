/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The doorbell fast path (issue 17): WD_HC_DOORBELL by `hvc #0` from
 * AArch64, after the sync vector (exception.S) pushed a trap frame with
 * x0..x3 in it and matched ESR_EL2 and x0. It keeps only what C may
 * clobber (x4..x18, x30: x19..x29 are callee-saved) and calls
 * ivshmem_doorbell(cell, x1, x2) (core.h). A negative answer rang
 * nothing: the CPU then takes the whole sync path for the same call
 * (sync_slow), which answers it and counts the failure, so this path
 * never fails a cell. It checks no park request: a ring posts none, and
 * one another CPU posts comes with Warden's SGI, taken as soon as the
 * cell runs again. Only the hypercall counter is kept here.
 *
 * The slots x4..x30 of the frame are this file's until sync_slow, which
 * stores the cell's x4..x30 again: x18 and x30 go in as a pair.
 */
#include <wd/layout.h>
#include <arch/hvc_fast.h>

	.text
	.global hvc_doorbell_fast
hvc_doorbell_fast:
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x30, [sp, #16 * 9]
	mrs	x0, tpidr_el2
	ldr	x0, [x0, #PC_CELL]
	ldp	x1, x2, [sp, #8] /* the cell's x1 (link), x2 (target) */
	bl	ivshmem_doorbell
	tbnz	x0, #63, 1f
	mrs	x1, tpidr_el2
	ldr	x2, [x1, #PC_STAT_HYPERCALL]
	add	x2, x2, #1
	str	x2, [x1, #PC_STAT_HYPERCALL]
	ldr	x1, [sp, #8]
	ldp	x2, x3, [sp, #16 * 1]
1:	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x30, [sp, #16 * 9]
	tbnz	x0, #63, 2f
	add	sp, sp, #WD_FRAME_SIZE
	eret
	/* Declined: the whole path, x0..x3 in the frame, x4..x30 the cell's. */
2:	b	sync_slow
