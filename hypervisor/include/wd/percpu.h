/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU state. Each CPU owns one WD_PERCPU_SIZE area of the image:
 * this struct at the bottom, its EL2 stack growing down from the top.
 */
#ifndef WD_PERCPU_H
#define WD_PERCPU_H

#include <arch/percpu.h>
#include <wd/layout.h>
#include <wd/types.h>

struct cell;

/* Exit counters, read with WD_HC_CELL_STATS. */
enum wd_stat {
	WD_STAT_HYPERCALL,
	WD_STAT_IRQ,
	WD_STAT_MMIO,
	WD_STAT_PSCI,
	WD_STAT_SYSREG,
	WD_STAT_COUNT,
};

struct percpu {
	struct arch_percpu arch;
	u32 cpu_id;
	bool active; /* under Warden, running or parked */
	bool leaving; /* disable: return to Linux's stub on this exit */
	bool parked; /* offlined by its cell (PSCI CPU_OFF), waits in Warden */
	struct cell *cell;
	u64 stats[WD_STAT_COUNT];
};

_Static_assert(sizeof(struct percpu) + WD_MIN_STACK <= WD_PERCPU_SIZE,
	       "per-CPU data leaves too little stack");

struct percpu *percpu_of(unsigned int cpu_id);

static inline struct percpu *this_cpu(void)
{
	return arch_this_cpu();
}

#endif
