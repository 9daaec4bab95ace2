/* SPDX-License-Identifier: GPL-2.0 */
/* arm64 part of the per-CPU data; TPIDR_EL2 points at the CPU's area. */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

#include <arch/sysreg.h>
#include <wd/types.h>

struct percpu;

/* A virtual interrupt waiting for a free list register. */
struct virq {
	u32 intid;
	u32 source; /* GICv2 SGI source CPU; 0 otherwise */
	bool hw; /* linked to the physical interrupt of the same ID */
	u8 prio; /* the cell's priority for it (running priority at ack) */
};

#define VIRQ_QUEUE_LEN 16

struct arch_percpu {
	/*
	 * SMCCC_ARCH_WORKAROUND_1 or _3 when the firmware offers it for
	 * this CPU, else 0. First: exception.S reads it at [TPIDR_EL2].
	 */
	u64 bp_fid;
	/*
	 * Read by the IRQ fast path at fixed offsets (arch/irq_fast.h).
	 * fast_lrs is lr_mask while the queue is empty, else 0: queued
	 * interrupts go first, so the fast path must not overtake them.
	 */
	u64 gicc_va;
	u64 gich_lr0_va;
	u32 fast_lrs;
	u64 mpidr;
	u64 stub_vbar; /* Linux's hyp stub vectors, restored on disable */
	u64 stub_hcr; /* Linux's HCR_EL2 */
	/* Linux's EL2 controls, restored on disable (cpu_state.c) */
	u64 stub_mdcr;
	u64 stub_cptr;
	u64 stub_cnthctl;
	/* What the firmware answered SMCCC_ARCH_FEATURES (smccc.c) */
	s32 fw_wa1, fw_wa2, fw_wa3;
	/* Interrupt controller */
	u64 gicr_base; /* GICv3: this CPU's redistributor */
	u32 gic_target; /* GICv2: this CPU's GICD_ITARGETSR bit */
	u32 num_lrs;
	u64 lr_mask; /* one bit per implemented list register */
	u32 phys_ctlr; /* Linux's physical CPU interface control */
	bool direct; /* GICv3 direct IRQ delivery to the cell is on */
	u32 queued; /* entries used in queue[] */
	struct virq queue[VIRQ_QUEUE_LEN];
};

static inline struct percpu *arch_this_cpu(void)
{
	return (struct percpu *)read_sysreg(tpidr_el2);
}

#endif
