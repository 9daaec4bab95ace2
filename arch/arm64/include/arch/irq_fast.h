/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the IRQ fast path (exception.S, irq_fast.S) reads of the per-CPU
 * area, as plain numbers for the assembler. gic.c checks each against the
 * C layout at build time: a field moved breaks the build, not the path.
 */
#ifndef ARCH_IRQ_FAST_H
#define ARCH_IRQ_FAST_H

/* struct arch_percpu, at the start of struct percpu */
#define PC_GICC_VA 8 /* u64: GICv2 CPU interface, 0 on GICv3 */
#define PC_GICH_LR0_VA 16 /* u64: GICv2 GICH_LR0 */
#define PC_FAST_LRS 24 /* u32: list registers the fast path may fill */
/* struct percpu: stats[WD_STAT_IRQ] */
#define PC_STAT_IRQ 384

/*
 * The fast path takes INTIDs FAST_FIRST_INTID..1019 only: the timer PPIs
 * (26, 27, 30) and SPIs. Below are the SGIs (Warden's among them) and the
 * maintenance PPI (25 on every board that follows the Arm BSA; a board
 * with a higher one runs without the fast path: gic.c).
 */
#define FAST_FIRST_INTID 26
#define FAST_END_INTID 1020 /* first special INTID */

#endif
