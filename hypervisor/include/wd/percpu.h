/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU state. Each CPU owns one WD_PERCPU_SIZE area of the image:
 * this struct at the bottom, its EL2 stack growing down from the top.
 */
#ifndef WD_PERCPU_H
#define WD_PERCPU_H

#include <core.h>

#include <warden/hypercall.h>
#include <arch/percpu.h>
#include <wd/layout.h>
#include <wd/types.h>

struct cell;

/*
 * Power state of a CPU as its cell sees it. Boundary: the values are
 * those of arm64's PSCI AFFINITY_INFO, so arch/arm64/psci.c returns them
 * as they are; another arch maps its own calls onto them. Changed under
 * the CPU-control lock (cell_cpu.c).
 */
#define CPU_POWER_ON 0
#define CPU_POWER_OFF 1
#define CPU_POWER_ON_PENDING 2

/* percpu.request bits, posted by other CPUs (cell_cpu.c). */
#define CPU_REQ_PARK BIT(0)

struct percpu {
	struct arch_percpu arch;
	u32 cpu_id;
	bool active; /* under Warden, running or parked */
	bool leaving; /* disable: return to Linux's stub on this exit */
	bool parked; /* waits in Warden: powered off, or its cell stopped */
	struct cell *cell; /* changed only while the CPU is parked */
	u32 power; /* CPU_POWER_* */
	u32 request; /* CPU_REQ_* */
	u64 entry; /* a pending power-on enters the cell here, */
	u64 context; /* with x0 = context, */
	struct cell *on_cell; /* if still in the cell it was granted for */
	/* Exits by cause (WD_STAT_* of warden/hypercall.h), read with
	 * WD_HC_CELL_STATS; reset when the CPU joins a cell. */
	u64 stats[WD_STAT_COUNT];
};

_Static_assert(sizeof(struct percpu) + WD_MIN_STACK <= WD_PERCPU_SIZE,
	       "per-CPU data leaves too little stack");

/* Declared in core.h: percpu_of(). */

static inline struct percpu *this_cpu(void)
{
	return arch_this_cpu();
}

#endif
