// SPDX-License-Identifier: GPL-2.0
/*
 * Entry of the schedulability analysis: validation of the untrusted task
 * set, the checks common to both policies, then the policy's own test
 * (analysis_edf.c, analysis_rta.c). See rt_analysis.h for the model.
 */
#include "analysis_internal.h"

wd_u32 rt_decide(struct rt_analysis *a, wd_u32 verdict, int task,
		 const char *test)
{
	a->verdict = verdict;
	a->task = task;
	a->test = test;
	return verdict;
}

int rt_step(struct rt_analysis *a)
{
	if (a->steps >= RT_ANALYSIS_STEP_LIMIT)
		return 0;
	a->steps++;
	return 1;
}

int rt_rm_higher(const struct wd_rt_taskset *set, unsigned int a,
		 unsigned int b)
{
	wd_u64 ta = set->task[a].period_us, tb = set->task[b].period_us;

	return ta < tb || (ta == tb && a < b);
}

static void reset(struct rt_analysis *a)
{
	a->verdict = WD_RT_NOT_ANALYSED;
	a->task = -1;
	a->test = "validation";
	a->utilisation_vs_one = 0;
	a->utilisation_permille = 0;
	a->horizon_us = 0;
	for (int i = 0; i < WD_RT_MAX_TASKS; i++)
		a->response_us[i] = 0;
	a->steps = 0;
	a->reason[0] = '\0';
}

static wd_u32 invalid_task(struct rt_analysis *a, unsigned int i,
			   const char *why)
{
	rt_text_str(a, "task #");
	rt_text_u64(a, i);
	rt_text_str(a, ": ");
	rt_text_str(a, why);
	return rt_decide(a, WD_RT_INVALID, (int)i, "validation");
}

static int name_terminated(const char *name)
{
	for (int i = 0; i < WD_RT_NAME_LEN; i++)
		if (!name[i])
			return i > 0;
	return 0;
}

/* The format's rules for one task; 0 when they hold. */
static wd_u32 check_task(const struct wd_rt_task *t, unsigned int i,
			 struct rt_analysis *a)
{
	if (!name_terminated(t->name))
		return invalid_task(a, i, "name empty or not NUL-terminated");
	if (!t->period_us || t->period_us > WD_RT_MAX_TIME_US)
		return invalid_task(a, i, "period not in 1..2^32-1 us");
	if (!t->deadline_us || t->deadline_us > t->period_us)
		return invalid_task(a, i,
				    "deadline not in 1..period "
				    "(constrained deadlines only)");
	if (!t->wcet_us || t->wcet_us > WD_RT_MAX_TIME_US)
		return invalid_task(a, i, "wcet not in 1..2^32-1 us");
	if (t->exec_us > WD_RT_MAX_TIME_US)
		return invalid_task(a, i, "exec above 2^32-1 us");
	if (t->flags)
		return invalid_task(a, i, "unknown flags");
	return 0;
}

static wd_u32 check_set(const struct wd_rt_taskset *set, struct rt_analysis *a)
{
	const char *why = 0;
	wd_u32 verdict = 0;

	if (set->magic != WD_RT_TASKSET_MAGIC)
		why = "bad magic";
	else if (set->revision != WD_RT_TASKSET_REVISION)
		why = "unsupported revision";
	else if (set->policy != WD_RT_EDF && set->policy != WD_RT_RM)
		why = "unknown policy";
	else if (!set->count || set->count > WD_RT_MAX_TASKS)
		why = "task count not in 1..8";
	if (why) {
		rt_text_str(a, why);
		return rt_decide(a, WD_RT_INVALID, -1, "validation");
	}
	for (unsigned int i = 0; i < set->count && !verdict; i++)
		verdict = check_task(&set->task[i], i, a);
	return verdict;
}

/* A job that needs more than its deadline fails under any policy. */
static wd_u32 check_wcet_within_deadline(const struct wd_rt_taskset *set,
					 struct rt_analysis *a)
{
	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *t = &set->task[i];

		if (t->wcet_us <= t->deadline_us)
			continue;
		rt_text_task(a, set, i);
		rt_text_str(a, "wcet ");
		rt_text_time(a, t->wcet_us);
		rt_text_str(a, " > deadline ");
		rt_text_time(a, t->deadline_us);
		return rt_decide(a, WD_RT_INFEASIBLE, (int)i,
				 "wcet <= deadline");
	}
	return 0;
}

wd_u32 rt_analyse(const struct wd_rt_taskset *set, struct rt_analysis *out)
{
	wd_u32 verdict;

	reset(out);
	verdict = check_set(set, out);
	if (verdict)
		return verdict;
	out->utilisation_vs_one = rt_sum_vs_one(set, RT_BY_PERIOD);
	out->utilisation_permille =
		rt_utilisation_permille(set, out->utilisation_vs_one);
	verdict = check_wcet_within_deadline(set, out);
	if (verdict)
		return verdict;
	if (set->policy == WD_RT_EDF)
		return rt_analyse_edf(set, out);
	return rt_analyse_rm(set, out);
}
