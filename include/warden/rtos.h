/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The RTOS inmate's ABI (inmates/rtos/README.md, section "RTOS inmate"):
 * - the task-set format an RTOS cell is given (carried in the cell config,
 *   WD_CELL_RT_TASKSET, and copied by Warden into the comm region), and
 * - the statistics block the RTOS keeps in the second half of its comm
 *   region page, for the root to read while the cell runs (Warden maps
 *   every cell's comm page read-only into the root; `warden cell stats`).
 *
 * Shared by the RTOS inmate, the schedulability analysis (linked into the
 * host tool and maybe the hypervisor) and readers of the statistics: only
 * fixed-width types, little-endian, naturally aligned, every struct a
 * multiple of 8 bytes, no libc.
 *
 * Trust: a task set comes from a cell config, i.e. from the root. Every
 * consumer validates it (rt_analyse() in lib/rt_analysis/rt_analysis.h does)
 * before it uses any field.
 */
#ifndef WARDEN_RTOS_H
#define WARDEN_RTOS_H

#include <warden/config.h>

#define WD_RT_MAX_TASKS 8
#define WD_RT_NAME_LEN 16
/*
 * Every time in a task set is at most this many microseconds (about 71
 * minutes): with 32-bit times the analysis' sums of at most 8 terms stay
 * far inside 64 bits.
 */
#define WD_RT_MAX_TIME_US 0xffffffffull

#define WD_RT_TASKSET_MAGIC 0x53415452u /* "RTAS" read little-endian */
#define WD_RT_TASKSET_REVISION 1

/* wd_rt_taskset.policy */
#define WD_RT_EDF 1 /* earliest absolute deadline first */
/*
 * Fixed priority, rate monotonic: the shorter period has the higher
 * priority; of two equal periods the lower task index wins.
 */
#define WD_RT_RM 2

/*
 * One periodic task: a job is released every period_us, must finish
 * within deadline_us of its release and may execute for wcet_us (its
 * budget; the RTOS stops a job that exhausts it). exec_us and
 * overrun_every describe the synthetic body the RTOS inmate runs for
 * each job; the analysis ignores them.
 */
struct wd_rt_task {
	char name[WD_RT_NAME_LEN]; /* NUL-terminated */
	wd_u64 period_us; /* T: 0 < T <= WD_RT_MAX_TIME_US */
	wd_u64 deadline_us; /* D: relative to the release, 0 < D <= T */
	wd_u64 wcet_us; /* C: the budget, 0 < C (C > D is infeasible) */
	wd_u64 exec_us; /* body: execution time per job, <= MAX_TIME */
	/*
	 * 0: every job executes exec_us. N > 0: jobs N, 2N, ... never finish
	 * on their own and run until their budget stops them (an overrun).
	 */
	wd_u32 overrun_every;
	wd_u32 flags; /* 0 (no flags defined yet) */
};

struct wd_rt_taskset {
	wd_u32 magic; /* WD_RT_TASKSET_MAGIC */
	wd_u32 revision; /* WD_RT_TASKSET_REVISION */
	wd_u32 policy; /* WD_RT_EDF or WD_RT_RM */
	wd_u32 count; /* tasks used, 1..WD_RT_MAX_TASKS */
	struct wd_rt_task task[WD_RT_MAX_TASKS]; /* [count..] are ignored */
};

/* Outcome of the schedulability analysis (wd_rt_stats.verdict). */
#define WD_RT_NOT_ANALYSED 0
#define WD_RT_FEASIBLE 1 /* every job meets its deadline */
#define WD_RT_INFEASIBLE 2 /* some job can miss its deadline */
#define WD_RT_UNDECIDED 3 /* the analysis hit its step limit: reject */
#define WD_RT_INVALID 4 /* the task set breaks the format's rules */

/*
 * Statistics block: at byte WD_RT_STATS_OFFSET of the comm region (the
 * first half belongs to struct wd_comm_region). Times are in ticks of the
 * virtual counter (timer_freq Hz) as the cell sees it.
 *
 * Single writer (the RTOS, with its MMU off, i.e. uncached stores).
 * Every change, publishing the magic included, happens between two
 * increments of `sequence`: odd while an update is in progress, even when
 * the block is stable. Readers take a consistent copy with it: read
 * sequence, wait while it is odd, copy the block, read sequence again and
 * retry if it changed (with read barriers between the three steps). A
 * reader mapping the page cacheable must invalidate its cache lines
 * before each read (or map it non-cacheable, as warden.ko does).
 *
 * The root reads the block through a read-only mapping of the comm page
 * (Documentation/inmate-abi.md, "Comm region"): it can never write it.
 * Trust: for the root the block is the cell's word. Its reader
 * (tools/rt_stats.c) checks the magic, revision, policy, count, that the
 * counters agree with each other, and prints names only as printable
 * ASCII within WD_RT_NAME_LEN; nothing here is trusted to be true.
 */
#define WD_RT_STATS_OFFSET 2048
#define WD_RT_STATS_MAGIC 0x53544154535452ull /* "RTSTATS" little-endian */
#define WD_RT_STATS_REVISION 1

struct wd_rt_task_stats {
	char name[WD_RT_NAME_LEN];
	wd_u64 released; /* jobs released */
	wd_u64 completed; /* jobs whose body finished within the budget */
	wd_u64 deadline_misses; /* jobs unfinished at their deadline */
	wd_u64 overruns; /* jobs stopped because their budget ran out */
	wd_u64 worst_response; /* ticks, release to completion, max */
};

struct wd_rt_stats {
	wd_u64 magic; /* WD_RT_STATS_MAGIC once the block is valid */
	wd_u32 revision; /* WD_RT_STATS_REVISION */
	wd_u32 sequence; /* odd while an update is in progress */
	wd_u32 policy; /* WD_RT_EDF or WD_RT_RM */
	wd_u32 count; /* task[] entries in use */
	wd_u32 verdict; /* WD_RT_FEASIBLE ... of the boot-time analysis */
	wd_u32 reserved;
	wd_u64 timer_freq; /* Hz */
	wd_u64 start; /* counter value at the first release */
	wd_u64 now; /* counter value at the last update */
	wd_u64 idle; /* ticks without a job to run since start */
	wd_u64 switches; /* dispatches of a different context */
	wd_u64 worst_irq_latency; /* ticks from timer event to IRQ entry */
	struct wd_rt_task_stats task[WD_RT_MAX_TASKS];
};

_Static_assert(sizeof(struct wd_rt_task) == 56, "wd_rt_task layout");
_Static_assert(sizeof(struct wd_rt_taskset) == 16 + 8 * 56,
	       "wd_rt_taskset layout");
_Static_assert(sizeof(struct wd_rt_stats) == 80 + 8 * 56, "wd_rt_stats layout");
_Static_assert(sizeof(struct wd_rt_stats) <= 4096 - WD_RT_STATS_OFFSET,
	       "statistics must fit in the comm region's second half");

#endif
