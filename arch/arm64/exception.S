/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 vectors. Exceptions from the cells (lower EL) save the
 * interrupted registers on this CPU's stack and call C; anything taken
 * from EL2 itself is a Warden bug and stops the CPU with a message.
 *
 * The IRQ path is kept short: it saves only the registers it uses
 * (irq_fast.S).
 */
#include <wd/layout.h>
#include <arch/irq_fast.h>
#include <arch/hvc_fast.h>
#include <arch/macros.inc>

.macro ventry target
	.balign 128, 0
	b	\target
.endm

	.text
	.balign 2048, 0
	.global wd_vectors
wd_vectors:
	/*
	 * Current EL with SP_EL0: never used. A slot's first instruction is
	 * the vector; the rest of it holds the way back to the cell and the
	 * way out of Warden, which would otherwise follow the tables
	 * (reached by branches only, never by falling through).
	 */
	ventry	el2_fault
	.global guest_return
guest_return:
	restore_frame_x2_up
	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #WD_FRAME_SIZE
	eret
	.org	wd_vectors + 0x80 /* fails the build if the slot overflows */

/*
 * Disable: C restored the stub's VBAR_EL2 and Linux's HCR_EL2. Reload the
 * caller's registers, turn the EL2 MMU off (code is identity mapped, so
 * execution continues) and return with x0 = 0. x1 is a result register
 * of the hypercall ABI and serves as scratch.
 */
	ventry	el2_fault
leave_el2:
	restore_frame_x2_up
	add	sp, sp, #WD_FRAME_SIZE
	mov_q	x1, SCTLR_EL2_RES1_ASM
	msr	sctlr_el2, x1
	isb
	mov	x0, #0
	eret
	.org	wd_vectors + 0x100

	ventry	el2_fault
	ventry	el2_fault
	/* Current EL with SP_ELx: Warden itself faulted. */
	.balign 128, 0
el2_fault:
	save_frame
	mov	x0, sp
	bl	arch_el2_fault
	b	.
	.org	wd_vectors + 0x280
	ventry	el2_fault
	ventry	el2_fault
	ventry	el2_fault

	/*
	 * Lower EL, AArch64: synchronous (hvc, smc, aborts, sysregs). A
	 * doorbell (`hvc #0` with x0 = WD_HC_DOORBELL) takes the fast path
	 * (hvc_fast.S), with x0..x3 saved; everything else the whole frame.
	 */
	.balign 128, 0
	sub	sp, sp, #WD_FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	mrs	x1, esr_el2
	mov	w2, #ESR_HVC64_IMM0
	mov	w3, #(HVC_FAST_DOORBELL & 0xffff0000)
	movk	w3, #(HVC_FAST_DOORBELL & 0xffff)
	cmp	x1, x2
	ccmp	x0, x3, #0, eq
	b.eq	hvc_doorbell_fast
	.global sync_slow
sync_slow:
	save_frame_x4_up
	mov	x0, sp
	bl	arch_handle_sync
	cbnz	x0, leave_el2
	b	guest_return

	/*
	 * Lower EL, AArch64: IRQ. The fast path: this slot is GICv3's,
	 * irq_fast.S holds GICv2's and the way out to C (irq_slow) for
	 * everything that is not the common case.
	 */
	.balign 128, 0
irq_vector:
	stp	x0, x1, [sp, #-32]!
	stp	x2, x3, [sp, #16]
	mrs	x1, tpidr_el2
	ldp	x2, x3, [x1, #PC_GICC_VA]
	cbnz	x2, irq_fast_v2
	mrs	x0, icc_iar1_el1
	sub	w3, w0, #FAST_FIRST_INTID
	cmp	w3, #(FAST_END_INTID - FAST_FIRST_INTID)
	b.hs	irq_slow
	ldr	w2, [x1, #PC_FAST_LRS]
	mrs	x3, ich_elrsr_el2
	ands	x2, x2, x3
	b.eq	irq_slow
	/* Running priority before the drop: the cell's for this INTID. */
	mrs	x3, icc_rpr_el1
	msr	icc_eoir1_el1, x0
	rbit	x2, x2
	clz	x2, x2
	/* vINTID = pINTID, priority, Group 1, HW, pending */
	orr	x0, x0, x0, lsl #32
	orr	x0, x0, x3, lsl #48
	orr	x0, x0, #(7 << 60)
	adr	x3, irq_lr_table_v3
	add	x3, x3, x2, lsl #3
	br	x3
	.org	irq_vector + 128

	/* Lower EL, AArch64: FIQ and SError. */
	.balign 128, 0
	save_frame
	mov	x0, sp
	bl	arch_handle_fiq
	b	guest_return
	.balign 128, 0
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
	.balign 128, 0
	stp	x0, x1, [sp, #-32]!
	stp	x2, x3, [sp, #16]
	mrs	x0, tpidr_el2
	ldr	x0, [x0]
	smc	#0
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	b	\target
.endm

	.balign 2048, 0
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

