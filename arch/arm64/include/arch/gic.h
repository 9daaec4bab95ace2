/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One small interface over GICv2 and GICv3. gic.c holds the logic both
 * share (acknowledge, route, inject, queue); gicv2.c and gicv3.c only
 * touch registers.
 */
#ifndef ARCH_GIC_H
#define ARCH_GIC_H

#include <arch/percpu.h>
#include <wd/types.h>

struct cell;
struct paging;
struct percpu;

/* SGI Warden keeps for itself (Linux uses 0..7). */
#define SGI_WARDEN 15
/* The EL2 physical timer's PPI: Warden's (gic_park_tick). */
#define PPI_HYP_TIMER 26
#define INTID_SPURIOUS 1020

struct gic_ops {
	int (*init)(const struct wd_system *sys);
	int (*map_devices)(struct paging *hyp, const struct wd_system *sys);
	/*
	 * Distributor (and redistributor) emulation for the cell, and its
	 * SPIs taken from the root (-EBUSY, nothing taken, if one is not
	 * the root's). The cell's CPUs are parked.
	 */
	int (*cell_init)(struct cell *cell);
	/* The cell's SPIs back to the root; its CPUs are parked. */
	void (*cell_exit)(struct cell *cell);
	int (*cpu_init)(struct percpu *pc);
	void (*cpu_exit)(struct percpu *pc);
	/*
	 * On the CPU itself, when it enters a cell from park: no virtual
	 * interrupt, virtual CPU interface reset, SGIs and PPIs off except
	 * Warden's own.
	 */
	void (*cpu_reset)(struct percpu *pc);
	/*
	 * Route and inject an interrupt the fast path acknowledged (IAR
	 * read, nothing else) but did not finish.
	 */
	void (*route_acked)(struct percpu *pc, u32 iar);
	/* Physical CPU interface: acknowledge, priority drop, deactivate. */
	u32 (*ack)(struct virq *v);
	void (*eoi)(u32 iar);
	void (*deactivate)(u32 iar);
	/* 0 on success, -EBUSY when no list register is free. */
	int (*inject)(struct percpu *pc, const struct virq *v);
	/* Underflow maintenance interrupt on or off. */
	void (*set_underflow_irq)(bool on);
	void (*send_sgi)(const struct percpu *target, u32 intid);
	/*
	 * The CPU leaves its cell: every list register dropped (HW-linked
	 * ones deactivated), direct delivery (GICv3) ended.
	 */
	void (*cpu_quiesce)(struct percpu *pc);
	/*
	 * GICv3: acknowledges and ends a Group-0 interrupt (Warden's SGI,
	 * an FIQ); returns its INTID, spurious if none. NULL on GICv2.
	 */
	u32 (*take_fiq)(struct percpu *pc);
};

extern const struct gic_ops gicv2_ops;
extern const struct gic_ops gicv3_ops;
extern const struct gic_ops *gic;

int gic_init(const struct wd_system *sys);
int gic_check_lrs(const struct percpu *pc);
/* Routes an interrupt acknowledged with ack(): EOI, inject, queue, ... */
void gic_route(struct percpu *pc, u32 iar, const struct virq *v);
u32 gic_maint_intid(void);
/* Acknowledges and drops one pending interrupt of a parked CPU. */
void gic_handle_parked_irq(struct percpu *pc);
/* A parked CPU wakes every millisecond (QEMU's GICv2 model: gicv2.c). */
extern bool gic_park_tick;
void gic_inject(struct percpu *pc, const struct virq *v);
/* Sets percpu.arch.queued and the fast path's list registers with it. */
void gic_set_queued(struct percpu *pc, u32 n);
/* Drops the queued virtual IRQs, ending the HW-linked ones. */
void gic_drop_queue(struct percpu *pc);
/* Ownership part of cell_init / cell_exit, shared by both versions. */
int gic_cell_take_irqs(struct cell *cell);
void gic_cell_give_irqs(struct cell *cell);
/* SGI/PPI state of this CPU at base (GICv2 GICD, GICv3 SGI frame). */
void gic_reset_private(u64 base);

/* A GIC frame mapped 1:1 at EL2 as device memory (after gic_init). */
int gic_map_frame(struct paging *hyp, u64 base, u64 size);

#endif
