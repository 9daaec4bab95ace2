/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 vectors. Exceptions from the cells (lower EL) save the
 * interrupted registers on this CPU's stack and call C; anything taken
 * from EL2 itself is a Warden bug and stops the CPU with a message.
 *
 * The IRQ path is kept short: it saves only the registers C may clobber
 * (x0..x18, x30), because C preserves x19..x29 itself.
 */
#include <wd/layout.h>
#include <arch/macros.inc>

#define IRQ_FRAME 160

.macro ventry target
	.balign 128
	b	\target
.endm

	.text
	.balign 2048
	.global wd_vectors
wd_vectors:
	/* Current EL with SP_EL0: never used. */
	ventry	el2_fault
	ventry	el2_fault
	ventry	el2_fault
	ventry	el2_fault
	/* Current EL with SP_ELx: Warden itself faulted. */
	ventry	el2_fault
	ventry	el2_fault
	ventry	el2_fault
	ventry	el2_fault

	/* Lower EL, AArch64: synchronous (hvc, smc, aborts, sysregs). */
	.balign 128
	save_frame
	mov	x0, sp
	bl	arch_handle_sync
	cbnz	x0, leave_el2
	b	guest_return

	/* Lower EL, AArch64: IRQ. */
	.balign 128
	sub	sp, sp, #IRQ_FRAME
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x30, [sp, #16 * 9]
	bl	arch_handle_irq
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x30, [sp, #16 * 9]
	add	sp, sp, #IRQ_FRAME
	eret

	/* Lower EL, AArch64: FIQ and SError. */
	.balign 128
	save_frame
	mov	x0, sp
	bl	arch_handle_fiq
	b	guest_return
	.balign 128
	save_frame
	mov	x0, sp
	bl	arch_handle_serror
	b	guest_return

	/*
	 * Lower EL, AArch32 (WD_CELL_AARCH32): the same paths, since the
	 * AArch32 registers are x0..x30's low halves (aarch32.c).
	 */
	ventry	wd_vectors + 0x400
	ventry	wd_vectors + 0x480
	ventry	wd_vectors + 0x500
	ventry	wd_vectors + 0x580

/*
 * The same vectors for a CPU whose firmware offers SMCCC_ARCH_WORKAROUND_3
 * or _1 (smccc.c): every entry from a cell first has the firmware clear
 * the branch predictor, before Warden executes any indirect branch. The
 * call (SMCCC 1.1) changes x0..x3 only; percpu.arch.bp_fid is at offset
 * 0 of the per-CPU area. Not used on CPUs without it: no cost there.
 */
.macro bp_ventry target
	.balign 128
	stp	x0, x1, [sp, #-32]!
	stp	x2, x3, [sp, #16]
	mrs	x0, tpidr_el2
	ldr	x0, [x0]
	smc	#0
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	b	\target
.endm

	.balign 2048
	.global wd_vectors_bp
wd_vectors_bp:
	.rept	8
	ventry	el2_fault
	.endr
	bp_ventry wd_vectors + 0x400
	bp_ventry wd_vectors + 0x480
	bp_ventry wd_vectors + 0x500
	bp_ventry wd_vectors + 0x580
	bp_ventry wd_vectors + 0x400
	bp_ventry wd_vectors + 0x480
	bp_ventry wd_vectors + 0x500
	bp_ventry wd_vectors + 0x580

	.balign 128
el2_fault:
	save_frame
	mov	x0, sp
	bl	arch_el2_fault
	b	.

	.global guest_return
guest_return:
	restore_frame_x2_up
	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #WD_FRAME_SIZE
	eret

/*
 * Disable: C restored the stub's VBAR_EL2 and Linux's HCR_EL2. Reload the
 * caller's registers, turn the EL2 MMU off (code is identity mapped, so
 * execution continues) and return with x0 = 0. x1 is a result register
 * of the hypercall ABI and serves as scratch.
 */
leave_el2:
	restore_frame_x2_up
	add	sp, sp, #WD_FRAME_SIZE
	mov_q	x1, SCTLR_EL2_RES1_ASM
	msr	sctlr_el2, x1
	isb
	mov	x0, #0
	eret
