// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed-priority (rate monotonic) response-time analysis (Joseph & Pandya
 * 1986; Audsley, Burns, Richardson, Tindell & Wellings 1993). With D <= T
 * and all tasks released together (the critical instant, Liu & Layland
 * 1973), the worst-case response time of task i is the smallest fixed
 * point of
 *     R = C_i + sum over higher-priority j of ceil(R / T_j) * C_j,
 * iterated from R = C_i. The set is schedulable iff R_i <= D_i for every
 * task: exact, unlike the Liu & Layland bound U <= n(2^(1/n) - 1), which
 * is only sufficient.
 *
 * Overflow: R stays <= D_i < 2^32 while iterating, and every C_j <= D_j
 * <= T_j (checked before), so ceil(R / T_j) * C_j <= R + T_j < 2^33 and
 * the sum of at most 8 terms stays below 2^36.
 */
#include "analysis_internal.h"

static const char TEST_RTA[] = "response-time analysis";

/* n(2^(1/n) - 1) in thousandths, rounded down, for n = 1..8 */
static const wd_u32 ll_bound[WD_RT_MAX_TASKS + 1] = {
	0, 1000, 828, 779, 756, 743, 734, 728, 724,
};

wd_u32 rt_ll_bound_permille(unsigned int n)
{
	return n <= WD_RT_MAX_TASKS ? ll_bound[n] : 0;
}

static wd_u64 interference(const struct wd_rt_taskset *set, unsigned int i,
			   wd_u64 r)
{
	wd_u64 sum = 0;

	for (unsigned int j = 0; j < set->count; j++)
		if (rt_rm_higher(set, j, i))
			sum += rt_div_ceil(r, set->task[j].period_us) *
			       set->task[j].wcet_us;
	return sum;
}

static wd_u32 too_late(const struct wd_rt_taskset *set, unsigned int i,
		       wd_u64 r, struct rt_analysis *a)
{
	rt_text_task(a, set, i);
	rt_text_str(a, "response time ");
	rt_text_time(a, r);
	rt_text_str(a, " > deadline ");
	rt_text_time(a, set->task[i].deadline_us);
	return rt_decide(a, WD_RT_INFEASIBLE, (int)i, TEST_RTA);
}

/*
 * Fills a->response_us[i]; returns 0 if R_i <= D_i, else the verdict.
 * An infeasible task's R is where the iteration first passed D_i: a
 * lower bound of its true response time, which is all the reason needs.
 */
static wd_u32 response_time(const struct wd_rt_taskset *set, unsigned int i,
			    struct rt_analysis *a)
{
	const struct wd_rt_task *t = &set->task[i];
	wd_u64 r = t->wcet_us;

	while (rt_step(a)) {
		wd_u64 next = t->wcet_us + interference(set, i, r);

		a->response_us[i] = next;
		if (next > t->deadline_us)
			return too_late(set, i, next, a);
		if (next == r)
			return 0;
		r = next;
	}
	rt_text_task(a, set, i);
	rt_text_str(a, "step limit reached, treated as infeasible");
	return rt_decide(a, WD_RT_UNDECIDED, (int)i, TEST_RTA);
}

/* Tasks are checked in table order; each one's R is independent. */
wd_u32 rt_analyse_rm(const struct wd_rt_taskset *set, struct rt_analysis *a)
{
	for (unsigned int i = 0; i < set->count; i++) {
		wd_u32 verdict = response_time(set, i, a);

		if (verdict)
			return verdict;
	}
	return rt_decide(a, WD_RT_FEASIBLE, -1, TEST_RTA);
}
