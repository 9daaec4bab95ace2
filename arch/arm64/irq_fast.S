/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The trapped-IRQ fast path, after the GICv3 part in the IRQ vector slot
 * (exception.S). Common case: a timer PPI or an SPI (INTID
 * FAST_FIRST_INTID..1019), a free list register, nothing queued. It is
 * acknowledged, its priority dropped and it is injected with the HW bit,
 * carrying the cell's priority, having saved only x0..x3 (x4, x5 too on
 * GICv2). Anything else leaves for C (irq_slow) with the IAR in x0.
 *
 * Why no ownership check is needed: the interrupt arrived at this CPU,
 * which runs one cell. A PPI is this CPU's and therefore its cell's; an
 * SPI reaches only a CPU its owner may route it to (the distributor is
 * emulated for every cell, root included: vgic.c). Warden's SGI and the
 * maintenance PPI are below FAST_FIRST_INTID, or the fast path is off
 * (gic_set_queued), and SGIs, whose filtering and source CPU need C,
 * too. IRQs of a parked CPU are taken at EL2 (arch_cpu_idle), never here;
 * a direct-IRQ CPU's do not trap at all. Nothing posted to this CPU by
 * another one is missed: a request comes with Warden's SGI (slow path).
 *
 * Entry, for all labels here: x0..x3 of the cell saved at [sp] (32
 * bytes), x1 = this CPU's struct percpu.
 */
#include <arch/irq_fast.h>

#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GICC_RPR 0x14
#define GICH_ELRSR0_FROM_LR0 (0x30 - 0x100)
#define GICH_LR_HW_PENDING 0x90000000 /* bits 31 (HW) and 28 (pending) */

	.text

/* x2 = GICC, x3 = GICH_LR0 (both mapped 1:1 at EL2). */
	.global irq_fast_v2
irq_fast_v2:
	stp	x4, x5, [sp, #-16]!
	ldr	w0, [x2, #GICC_IAR]
	/* An SGI's source CPU in bits 12:10 puts it out of range too. */
	sub	w4, w0, #FAST_FIRST_INTID
	cmp	w4, #(FAST_END_INTID - FAST_FIRST_INTID)
	b.hs	1f
	ldr	w4, [x1, #PC_FAST_LRS]
	ldur	w5, [x3, #GICH_ELRSR0_FROM_LR0]
	ands	w4, w4, w5
	b.eq	1f
	ldr	w5, [x2, #GICC_RPR]
	str	w0, [x2, #GICC_EOIR]
	rbit	w4, w4
	clz	w4, w4
	/* vINTID = pINTID, the 5 priority bits the LR holds, HW, pending */
	orr	w0, w0, w0, lsl #10
	and	w5, w5, #0xf8
	orr	w0, w0, w5, lsl #20
	mov	w5, #GICH_LR_HW_PENDING
	orr	w0, w0, w5
	str	w0, [x3, x4, lsl #2]
	ldr	x2, [x1, #PC_STAT_IRQ]
	add	x2, x2, #1
	str	x2, [x1, #PC_STAT_IRQ]
	ldp	x4, x5, [sp], #16
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	eret
1:	ldp	x4, x5, [sp], #16
	b	irq_slow

/*
 * GICv3 list registers are separate system registers: the vector slot
 * branches here with x0 = the value, x2 = the register's number (< 16:
 * a bit of fast_lrs, a subset of lr_mask).
 */
	.global irq_lr_table_v3
irq_lr_table_v3:
	.irp	i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	msr	ich_lr\i\()_el2, x0
	b	irq_done
	.endr
irq_done:
	ldr	x2, [x1, #PC_STAT_IRQ]
	add	x2, x2, #1
	str	x2, [x1, #PC_STAT_IRQ]
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	eret

/* x0 = the IAR value: the rest of the caller-saved registers, then C. */
	.global irq_slow
irq_slow:
	sub	sp, sp, #128
	stp	x4, x5, [sp, #16 * 0]
	stp	x6, x7, [sp, #16 * 1]
	stp	x8, x9, [sp, #16 * 2]
	stp	x10, x11, [sp, #16 * 3]
	stp	x12, x13, [sp, #16 * 4]
	stp	x14, x15, [sp, #16 * 5]
	stp	x16, x17, [sp, #16 * 6]
	stp	x18, x30, [sp, #16 * 7]
	bl	arch_handle_irq_acked
	ldp	x4, x5, [sp, #16 * 0]
	ldp	x6, x7, [sp, #16 * 1]
	ldp	x8, x9, [sp, #16 * 2]
	ldp	x10, x11, [sp, #16 * 3]
	ldp	x12, x13, [sp, #16 * 4]
	ldp	x14, x15, [sp, #16 * 5]
	ldp	x16, x17, [sp, #16 * 6]
	ldp	x18, x30, [sp, #16 * 7]
	add	sp, sp, #128
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	eret
