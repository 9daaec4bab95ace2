/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The last step of entering a cell from park: nothing of the CPU's
 * previous owner may survive in a register the new code can read.
 *   x0 = entry (IPA), x1 = context for x0, x2 = top of this CPU's stack,
 *   x3 = SPSR_EL2: the EL1 state entered (AArch64 EL1h or AArch32 SVC)
 * Never returns: the EL2 stack starts over, whatever parked the CPU.
 */
	.text
	.global arch_enter_el1
arch_enter_el1:
	mov	sp, x2
	msr	elr_el2, x0
	msr	spsr_el2, x3
	mov	x0, x1
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	movi	v\n\().2d, #0
	.endr
	msr	fpcr, xzr
	msr	fpsr, xzr
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov	x\n, xzr
	.endr
	eret
