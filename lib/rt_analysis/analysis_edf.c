// SPDX-License-Identifier: GPL-2.0
/*
 * EDF feasibility on one processor, constrained deadlines, synchronous
 * release (the worst case for periodic tasks). Exact; in order:
 *
 * 1. U > 1: infeasible. With every D = T, U <= 1 is also sufficient
 *    (Liu & Layland 1973).
 * 2. Density sum C/D <= 1: feasible (sufficient only, a shortcut).
 * 3. Processor demand (Baruah, Rosier & Howell 1990): feasible iff
 *    dbf(t) <= t at every absolute deadline t, where
 *        dbf(t) = sum over D_i <= t of (floor((t - D_i) / T_i) + 1) * C_i.
 *    With U <= 1 a violation, if any, lies inside the synchronous busy
 *    period L (Spuri 1996; Ripoll, Crespo & Mok 1996), the first fixed
 *    point of w = sum ceil(w / T_i) * C_i. The deadlines below L are
 *    walked downwards with Quick Processor-demand Analysis (Zhang & Burns
 *    2009), which skips every deadline it can prove harmless.
 *
 * Overflow: t and L are 64-bit and may exceed 2^32; dbf and the busy
 * period sum with saturation. A saturated dbf(t) means a true demand of
 * at least 2^64 - 1 > t, so the verdict stays right; a saturated busy
 * period makes the answer "undecided".
 */
#include "analysis_internal.h"

static const char TEST_U[] = "utilisation U <= 1 (Liu & Layland)";
static const char TEST_DENSITY[] = "density sum C/D <= 1";
static const char TEST_QPA[] = "processor demand, QPA";

static wd_u64 demand(const struct wd_rt_taskset *set, wd_u64 t)
{
	wd_u64 sum = 0;

	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *k = &set->task[i];
		wd_u64 jobs;

		if (k->deadline_us > t)
			continue;
		jobs = (t - k->deadline_us) / k->period_us + 1;
		sum = rt_sat_add(sum, rt_sat_mul(jobs, k->wcet_us));
	}
	return sum;
}

/* Largest absolute deadline strictly below x, or 0 if there is none. */
static wd_u64 deadline_before(const struct wd_rt_taskset *set, wd_u64 x)
{
	wd_u64 best = 0;

	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *k = &set->task[i];
		wd_u64 d;

		if (k->deadline_us >= x)
			continue;
		d = (x - 1 - k->deadline_us) / k->period_us * k->period_us +
		    k->deadline_us;
		if (d > best)
			best = d;
	}
	return best;
}

/* Work released in [0, w) when all tasks start at 0: sum ceil(w/T) * C. */
static wd_u64 work_released(const struct wd_rt_taskset *set, wd_u64 w)
{
	wd_u64 sum = 0;

	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *k = &set->task[i];
		wd_u64 jobs = rt_div_ceil(w, k->period_us);

		sum = rt_sat_add(sum, rt_sat_mul(jobs, k->wcet_us));
	}
	return sum;
}

/* Length of the synchronous busy period; 0 if undecided. */
static wd_u64 busy_period(const struct wd_rt_taskset *set,
			  struct rt_analysis *a)
{
	wd_u64 w = 0;

	for (unsigned int i = 0; i < set->count; i++)
		w += set->task[i].wcet_us; /* 8 terms < 2^32 each */
	while (rt_step(a)) {
		wd_u64 next = work_released(set, w);

		if (next == WD_U64_MAX)
			return 0; /* saturated */
		if (next == w)
			return w;
		w = next;
	}
	return 0;
}

static wd_u32 undecided(struct rt_analysis *a, const char *what)
{
	rt_text_str(a, what);
	rt_text_str(a, ": step limit reached, treated as infeasible");
	return rt_decide(a, WD_RT_UNDECIDED, -1, TEST_QPA);
}

/* The task owning absolute deadline d (d is one). */
static unsigned int owner_of_deadline(const struct wd_rt_taskset *set, wd_u64 d)
{
	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *k = &set->task[i];

		if (k->deadline_us <= d &&
		    (d - k->deadline_us) % k->period_us == 0)
			return i;
	}
	return 0;
}

/* dbf(t) > t: dbf only steps at deadlines, so blame the last one <= t. */
static wd_u32 demand_exceeded(const struct wd_rt_taskset *set,
			      struct rt_analysis *a, wd_u64 t)
{
	wd_u64 d = deadline_before(set, rt_sat_add(t, 1));
	unsigned int i = owner_of_deadline(set, d);

	rt_text_task(a, set, i);
	rt_text_str(a, "processor demand ");
	rt_text_time(a, demand(set, d));
	rt_text_str(a, " in [0, ");
	rt_text_time(a, d);
	rt_text_str(a, "] > ");
	rt_text_time(a, d);
	return rt_decide(a, WD_RT_INFEASIBLE, (int)i, TEST_QPA);
}

/* Zhang & Burns' QPA over the deadlines below the busy period. */
static wd_u32 quick_processor_demand(const struct wd_rt_taskset *set,
				     struct rt_analysis *a)
{
	wd_u64 d_min = WD_U64_MAX;
	wd_u64 t;

	a->horizon_us = busy_period(set, a);
	if (!a->horizon_us)
		return undecided(a, "busy period");
	for (unsigned int i = 0; i < set->count; i++)
		if (set->task[i].deadline_us < d_min)
			d_min = set->task[i].deadline_us;
	t = deadline_before(set, a->horizon_us);
	while (t && rt_step(a)) {
		wd_u64 h = demand(set, t);

		if (h > t)
			return demand_exceeded(set, a, t);
		if (h <= d_min)
			return rt_decide(a, WD_RT_FEASIBLE, -1, TEST_QPA);
		t = h < t ? h : deadline_before(set, t);
	}
	if (t)
		return undecided(a, "demand walk");
	return rt_decide(a, WD_RT_FEASIBLE, -1, TEST_QPA);
}

static int all_implicit(const struct wd_rt_taskset *set)
{
	for (unsigned int i = 0; i < set->count; i++)
		if (set->task[i].deadline_us != set->task[i].period_us)
			return 0;
	return 1;
}

wd_u32 rt_analyse_edf(const struct wd_rt_taskset *set, struct rt_analysis *a)
{
	if (a->utilisation_vs_one > 0) {
		rt_text_str(a, "utilisation ");
		rt_text_permille(a, a->utilisation_permille);
		rt_text_str(a, " > 1");
		return rt_decide(a, WD_RT_INFEASIBLE, -1, TEST_U);
	}
	if (all_implicit(set))
		return rt_decide(a, WD_RT_FEASIBLE, -1, TEST_U);
	if (rt_sum_vs_one(set, RT_BY_DEADLINE) <= 0)
		return rt_decide(a, WD_RT_FEASIBLE, -1, TEST_DENSITY);
	return quick_processor_demand(set, a);
}
