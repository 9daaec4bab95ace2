/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Schedulability analysis of a periodic task set (include/warden/rtos.h)
 * on one processor, preemptive, independent tasks, constrained deadlines
 * (D <= T), all tasks released together at time 0 (the worst case):
 *
 * - EDF: utilisation U <= 1 when every D = T (Liu & Layland 1973, exact);
 *   otherwise U <= 1, then the density test (sum C/D <= 1, sufficient
 *   only), then the processor-demand test (Baruah, Rosier & Howell 1990)
 *   at the absolute deadlines inside the synchronous busy period (Spuri
 *   1996; Ripoll, Crespo & Mok 1996), walked with QPA (Zhang & Burns
 *   2009). Exact.
 * - RM: response-time analysis (Joseph & Pandya 1986; Audsley et al.
 *   1993), exact for fixed priorities with D <= T.
 * Overheads (interrupt entry, scheduler, context switch) are not
 * modelled: a task's wcet_us must include its share.
 *
 * Freestanding C, no libc, no floating point: built into the RTOS inmate,
 * host unit tests, the `warden config check` tool and maybe the
 * hypervisor. Trust: the task set is untrusted input (it comes from the
 * root); rt_analyse() validates every field before using it, never
 * overflows (all times are <= WD_RT_MAX_TIME_US, wider sums saturate or
 * use exact multi-word arithmetic) and bounds its work by
 * RT_ANALYSIS_STEP_LIMIT, answering WD_RT_UNDECIDED past it. It reads the
 * set in place, more than once: the caller must pass a copy nobody else
 * can change during the call.
 */
#ifndef WARDEN_RT_ANALYSIS_H
#define WARDEN_RT_ANALYSIS_H

#include <warden/rtos.h>

/* Iterations of the busy-period, QPA and RTA loops, all tasks together. */
#define RT_ANALYSIS_STEP_LIMIT (1u << 20)
#define RT_REASON_LEN 112

struct rt_analysis {
	wd_u32 verdict; /* WD_RT_FEASIBLE, _INFEASIBLE, _UNDECIDED, _INVALID */
	int task; /* index of the task the reason is about, or -1 */
	const char *test; /* the test that decided, e.g. "QPA" */
	/* -1, 0 or 1: the exact sign of (sum of C/T) - 1 */
	int utilisation_vs_one;
	/* sum of C/T in thousandths: rounded to nearest, but never shown as
	 * 1.000 unless exactly 1 (an overload rounds up) */
	wd_u32 utilisation_permille;
	wd_u64 horizon_us; /* EDF with D < T: busy period analysed */
	wd_u64 response_us[WD_RT_MAX_TASKS]; /* RM: worst-case responses */
	wd_u32 steps; /* loop iterations used */
	char reason[RT_REASON_LEN]; /* one line, printable ASCII, NUL-ended */
};

/*
 * Checks the set and decides whether it is schedulable under its policy.
 * Returns the verdict (also in out->verdict); out->reason says why, e.g.
 * "task t3: response time 12 ms > deadline 10 ms".
 */
wd_u32 rt_analyse(const struct wd_rt_taskset *set, struct rt_analysis *out);

/* RM priority order: non-zero when task a has a higher priority than b. */
int rt_rm_higher(const struct wd_rt_taskset *set, unsigned int a,
		 unsigned int b);

/* Liu & Layland's RM utilisation bound n(2^(1/n) - 1) in thousandths,
 * rounded down; 0 for n outside 1..WD_RT_MAX_TASKS. */
wd_u32 rt_ll_bound_permille(unsigned int n);

#endif
