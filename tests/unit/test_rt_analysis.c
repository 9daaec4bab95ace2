// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the schedulability analysis (lib/rt_analysis/analysis.c
 * and friends) with textbook task sets: EDF at, below and above U = 1,
 * constrained deadlines decided by density or processor demand, RM sets
 * above the Liu & Layland bound that response-time analysis admits or
 * rejects, validation of every format rule, overflow and bounded work.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <rt_analysis.h>

#define MS 1000ull /* task times below are in ms unless written in us */

struct task_spec {
	const char *name;
	wd_u64 c, t, d; /* us */
};

static struct wd_rt_taskset
make_set(wd_u32 policy, const struct task_spec *spec, unsigned int n)
{
	struct wd_rt_taskset set;

	memset(&set, 0, sizeof(set));
	set.magic = WD_RT_TASKSET_MAGIC;
	set.revision = WD_RT_TASKSET_REVISION;
	set.policy = policy;
	set.count = n;
	for (unsigned int i = 0; i < n; i++) {
		strncpy(set.task[i].name, spec[i].name, WD_RT_NAME_LEN - 1);
		set.task[i].wcet_us = spec[i].c;
		set.task[i].period_us = spec[i].t;
		set.task[i].deadline_us = spec[i].d;
		set.task[i].exec_us = spec[i].c;
	}
	return set;
}

/* Task specs: implicit deadline (D = T) or constrained (D given). */
#define T(name, c, t)         \
	{                     \
		name, c, t, t \
	}
#define TD(name, c, t, d)     \
	{                     \
		name, c, t, d \
	}
#define SPECS(...) ((const struct task_spec[]){__VA_ARGS__})
#define SET(policy, ...)                     \
	make_set(policy, SPECS(__VA_ARGS__), \
		 sizeof(SPECS(__VA_ARGS__)) / sizeof(struct task_spec))

static wd_u32 analyse(const struct wd_rt_taskset *set, struct rt_analysis *a)
{
	wd_u32 verdict = rt_analyse(set, a);

	print_message("    %s: %s%s\n", a->test,
		      verdict == WD_RT_FEASIBLE ? "feasible" : "rejected, ",
		      a->reason);
	assert_int_equal(verdict, a->verdict);
	assert_true(strlen(a->reason) < RT_REASON_LEN);
	return verdict;
}

/* --- EDF, implicit deadlines: U <= 1 is exact --- */

static void edf_implicit_below_one(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, T("a", 1 * MS, 4 * MS), T("b", 2 * MS, 6 * MS),
		    T("c", 3 * MS, 10 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.utilisation_vs_one, -1);
	assert_int_equal(a.utilisation_permille, 883);
	assert_string_equal(a.test, "utilisation U <= 1 (Liu & Layland)");
}

/* 1/2 + 1/3 + 1/6 is exactly 1: feasible, shown as 1.000 */
static void edf_implicit_exactly_one(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, T("a", 1 * MS, 2 * MS), T("b", 1 * MS, 3 * MS),
		    T("c", 1 * MS, 6 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.utilisation_vs_one, 0);
	assert_int_equal(a.utilisation_permille, 1000);
}

/* One microsecond less of period on the last task tips it over 1. */
static void edf_implicit_just_above_one(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, T("a", 1000000, 2000000),
		    T("b", 1000000, 3000000), T("c", 1000000, 5999999));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.task, -1);
	assert_string_equal(a.reason, "utilisation 1.001 > 1");
}

static void edf_overload(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, T("a", 2 * MS, 5 * MS), T("b", 3 * MS, 10 * MS),
		    T("c", 5 * MS, 20 * MS), T("d", 6 * MS, 40 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_string_equal(a.reason, "utilisation 1.100 > 1");
}

/*
 * Two periods near 2^32: U = 1 + (Ta - Tb) / (Ta * Tb), about 1 + 6.5e-19,
 * which a double sum rounds to exactly 1.0. The exact sum must see it.
 */
static void edf_exact_near_one(void **state)
{
	const wd_u64 ta = 4294967291ull, tb = 4294967279ull; /* primes */
	struct rt_analysis a;
	struct task_spec over[] = {T("a", ta - 1, ta), T("b", 1, tb)};
	struct task_spec under[] = {T("a", tb - 1, tb), T("b", 1, ta)};
	struct wd_rt_taskset set = make_set(WD_RT_EDF, over, 2);
	volatile double u = (double)(ta - 1) / (double)ta + 1.0 / (double)tb;

	(void)state;
	assert_true(u <= 1.0); /* floating point gets this one wrong */
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.utilisation_vs_one, 1);
	assert_string_equal(a.reason, "utilisation 1.001 > 1");
	set = make_set(WD_RT_EDF, under, 2);
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.utilisation_vs_one, -1);
	assert_int_equal(a.utilisation_permille, 999);
}

/* Eight tasks with periods close to 2^32: U exactly 1, then 1 + 1 us. */
static void edf_eight_large_periods(void **state)
{
	static const wd_u64 periods[8] = {
		4294967288ull, 4294967280ull, 4294967272ull, 4294967264ull,
		4294967256ull, 4294967248ull, 4294967240ull, 4294967232ull,
	};
	struct task_spec spec[8];
	struct wd_rt_taskset set;
	struct rt_analysis a;

	(void)state;
	for (int i = 0; i < 8; i++)
		spec[i] =
			(struct task_spec)T("big", periods[i] / 8, periods[i]);
	set = make_set(WD_RT_EDF, spec, 8);
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.utilisation_vs_one, 0);
	set.task[7].wcet_us++;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.utilisation_vs_one, 1);
}

/* U = 8 with the largest periods: the numerator needs more than 256 bits. */
static void edf_largest_times_overload(void **state)
{
	struct task_spec spec[8];
	struct wd_rt_taskset set;
	struct rt_analysis a;

	(void)state;
	for (int i = 0; i < 8; i++)
		spec[i] = (struct task_spec)T("max", WD_RT_MAX_TIME_US,
					      WD_RT_MAX_TIME_US);
	set = make_set(WD_RT_EDF, spec, 8);
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_string_equal(a.reason, "utilisation 8.000 > 1");
}

/* --- EDF, constrained deadlines --- */

static void edf_constrained_density(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("a", 1 * MS, 5 * MS, 4 * MS),
		    TD("b", 2 * MS, 10 * MS, 8 * MS),
		    TD("c", 3 * MS, 20 * MS, 10 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_string_equal(a.test, "density sum C/D <= 1");
}

/* Density exactly 1 is enough on its own. */
static void edf_density_exactly_one(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("a", 1 * MS, 4 * MS, 2 * MS),
		    TD("b", 1 * MS, 6 * MS, 2 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_string_equal(a.test, "density sum C/D <= 1");
}

/*
 * Density 1.33 > 1, U 0.917: only processor demand decides. The
 * synchronous busy period is 16 and dbf(16) = 16 exactly: feasible at the
 * boundary (dbf(7) = 7 as well).
 */
static void edf_processor_demand_boundary(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("t1", 2 * MS, 6 * MS, 4 * MS),
		    TD("t2", 2 * MS, 8 * MS, 5 * MS),
		    TD("t3", 3 * MS, 9 * MS, 7 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_string_equal(a.test, "processor demand, QPA");
	assert_int_equal(a.horizon_us, 16 * MS);
	/* busy period: 7, 9, 11, 14, 16, 16; QPA: 13, 11, 9, 7, 5, 4 */
	print_message("    steps %u\n", a.steps);
	assert_true(a.steps <= 12);
}

/* dbf(7) = 7 at t3's first deadline: the walk must step below it. */
static void edf_processor_demand_tight_first_deadline(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("t1", 2 * MS, 6 * MS, 4 * MS),
		    TD("t2", 2 * MS, 8 * MS, 5 * MS),
		    TD("t3", 3 * MS, 16 * MS, 7 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_string_equal(a.test, "processor demand, QPA");
	assert_int_equal(a.horizon_us, 11 * MS);
	assert_true(a.steps <= 10);
}

/* One more microsecond for t3: dbf(7 ms) = 7.001 ms > 7 ms. */
static void edf_processor_demand_just_over(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("t1", 2 * MS, 6 * MS, 4 * MS),
		    TD("t2", 2 * MS, 8 * MS, 5 * MS),
		    TD("t3", 3 * MS + 1, 9 * MS, 7 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.utilisation_vs_one, -1);
	assert_string_equal(a.test, "processor demand, QPA");
	assert_true(a.task == 0 || a.task == 2);
	assert_non_null(strstr(a.reason, "processor demand"));
}

/*
 * About 4.3 million absolute deadlines of "a" lie inside the busy period
 * (4295 s), far more than RT_ANALYSIS_STEP_LIMIT: checking each would be
 * undecided. QPA jumps over the harmless ones and decides: feasible.
 */
static void edf_qpa_skips_deadlines(void **state)
{
	const wd_u64 p = 4294967291ull;
	struct rt_analysis a;
	struct task_spec spec[] = {TD("a", 999, 1000, 999),
				   TD("b", p / 1000 - 1, p, p - 1000)};
	struct wd_rt_taskset set = make_set(WD_RT_EDF, spec, 2);

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_string_equal(a.test, "processor demand, QPA");
	assert_true(a.horizon_us / 1000 > RT_ANALYSIS_STEP_LIMIT);
	assert_true(a.steps < RT_ANALYSIS_STEP_LIMIT / 10);
}

/* U = 0.4 yet infeasible: both deadlines fall in the first 3 ms. */
static void edf_low_utilisation_infeasible(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("a", 2 * MS, 10 * MS, 2 * MS),
		    TD("b", 2 * MS, 10 * MS, 3 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.task, 1);
	assert_string_equal(
		a.reason, "task b: processor demand 4 ms in [0, 3 ms] > 3 ms");
}

/* Every task's first deadline after the busy period: nothing to check. */
static void edf_deadlines_after_busy_period(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_EDF, TD("a", 3 * MS, 100 * MS, 50 * MS),
		    TD("b", 4 * MS, 100 * MS, 6 * MS),
		    TD("c", 1 * MS, 100 * MS, 7 * MS));

	(void)state;
	/* density 0.06 + 0.667 + 0.143 = 0.87: decided before QPA */
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	set.task[1].deadline_us = 4 * MS; /* density > 1 now */
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_string_equal(a.test, "processor demand, QPA");
	assert_int_equal(a.horizon_us, 8 * MS);
}

/* A wcet larger than the deadline fails before any policy test. */
static void wcet_above_deadline(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set = SET(WD_RT_EDF, T("a", 1 * MS, 10 * MS),
				       TD("slow", 5 * MS, 10 * MS, 4500));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.task, 1);
	assert_string_equal(a.reason, "task slow: wcet 5 ms > deadline 4.5 ms");
}

/*
 * U just below 1 with five unrelated periods and D < T (found by a random
 * search): the synchronous busy period is about 2 * 10^11 us and QPA would
 * need more than RT_ANALYSIS_STEP_LIMIT steps. It must stop at the limit
 * and say so instead of running for minutes.
 */
static void edf_undecided_at_step_limit(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set = SET(
		WD_RT_EDF, TD("a", 65995, 288639, 284476),
		TD("b", 321160, 852988, 842632), TD("c", 58618, 185680, 184352),
		TD("d", 62582, 994018, 989521), TD("e", 12228, 755098, 746743));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_UNDECIDED);
	assert_int_equal(a.utilisation_vs_one, -1);
	assert_int_equal(a.steps, RT_ANALYSIS_STEP_LIMIT);
	assert_true(a.horizon_us > 100000000000ull);
	assert_non_null(strstr(a.reason, "step limit"));
}

/* --- RM: response-time analysis --- */

/* U 0.883 > 0.779 (Liu & Layland, n = 3), yet R3 = 10 = D3. */
static void rm_above_ll_bound_admitted(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_RM, T("t1", 1 * MS, 4 * MS), T("t2", 2 * MS, 6 * MS),
		    T("t3", 3 * MS, 10 * MS));

	(void)state;
	assert_true(883 > rt_ll_bound_permille(3));
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.utilisation_permille, 883);
	assert_int_equal(a.response_us[0], 1 * MS);
	assert_int_equal(a.response_us[1], 3 * MS);
	assert_int_equal(a.response_us[2], 10 * MS);
}

/* Harmonic periods: RM reaches U = 1 (R3 = 8 = D3). */
static void rm_harmonic_full_utilisation(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_RM, T("t1", 1 * MS, 2 * MS), T("t2", 1 * MS, 4 * MS),
		    T("t3", 2 * MS, 8 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.utilisation_vs_one, 0);
	assert_int_equal(a.response_us[2], 8 * MS);
}

/* The classic pair (2, 5), (4, 7): U 0.971, RM misses, EDF does not. */
static void rm_rejects_what_edf_admits(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_RM, T("t1", 2 * MS, 5 * MS), T("t2", 4 * MS, 7 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.task, 1);
	assert_string_equal(a.reason,
			    "task t2: response time 8 ms > deadline 7 ms");
	set.policy = WD_RT_EDF;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
}

/* The same pair listed lowest priority first: priorities follow periods. */
static void rm_priority_not_table_order(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_RM, T("t2", 4 * MS, 7 * MS), T("t1", 2 * MS, 5 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.task, 0);
	assert_string_equal(a.reason,
			    "task t2: response time 8 ms > deadline 7 ms");
	set.task[0].wcet_us = 3 * MS;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.response_us[0], 5 * MS);
	assert_int_equal(a.response_us[1], 2 * MS);
}

/* Above the bound and rejected although U < 1 (EDF would admit it). */
static void rm_above_ll_bound_rejected(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set =
		SET(WD_RT_RM, T("t1", 2 * MS, 5 * MS), T("t2", 2 * MS, 8 * MS),
		    T("t3", 3 * MS, 10 * MS));

	(void)state;
	/* U 0.95; R3 = 3 + 2 ceil(R/5) + 2 ceil(R/8): 3, 7, 9, 11 > 10 */
	assert_true(950 > rt_ll_bound_permille(3));
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_int_equal(a.task, 2);
	assert_string_equal(a.reason,
			    "task t3: response time 11 ms > deadline 10 ms");
	assert_int_equal(a.utilisation_permille, 950);
	set.policy = WD_RT_EDF;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
}

/* Constrained deadline exactly met, then missed by 1 us. */
static void rm_constrained_deadline(void **state)
{
	struct rt_analysis a;
	struct wd_rt_taskset set = SET(WD_RT_RM, T("t1", 1 * MS, 4 * MS),
				       TD("t2", 2 * MS, 6 * MS, 3 * MS));

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	assert_int_equal(a.response_us[1], 3 * MS);
	set.task[1].deadline_us = 3 * MS - 1;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_string_equal(a.reason,
			    "task t2: response time 3 ms > deadline 2.999 ms");
}

/* Equal periods: table order decides, and priority order is not index
 * order when periods say otherwise. */
static void rm_priority_order(void **state)
{
	struct wd_rt_taskset set = SET(WD_RT_RM, T("slow", 1, 20),
				       T("fast", 1, 5), T("fast2", 1, 5));

	(void)state;
	assert_true(rt_rm_higher(&set, 1, 0));
	assert_false(rt_rm_higher(&set, 0, 1));
	assert_true(rt_rm_higher(&set, 1, 2));
	assert_false(rt_rm_higher(&set, 2, 1));
	assert_false(rt_rm_higher(&set, 1, 1));
}

/* Higher priorities use the whole processor: R grows by 1 us per step
 * towards a 2^32 us deadline. Bounded work, undecided. */
static void rm_undecided_at_step_limit(void **state)
{
	struct rt_analysis a;
	struct task_spec spec[] = {T("hog", 1, 1),
				   T("low", 1, WD_RT_MAX_TIME_US)};
	struct wd_rt_taskset set = make_set(WD_RT_RM, spec, 2);

	(void)state;
	assert_int_equal(analyse(&set, &a), WD_RT_UNDECIDED);
	assert_int_equal(a.task, 1);
}

static void ll_bounds(void **state)
{
	(void)state;
	assert_int_equal(rt_ll_bound_permille(1), 1000);
	assert_int_equal(rt_ll_bound_permille(2), 828);
	assert_int_equal(rt_ll_bound_permille(4), 756);
	assert_int_equal(rt_ll_bound_permille(8), 724);
	assert_int_equal(rt_ll_bound_permille(9), 0);
}

/* --- validation --- */

static void expect_invalid(struct wd_rt_taskset *set, int task,
			   const char *reason_part)
{
	struct rt_analysis a;

	assert_int_equal(analyse(set, &a), WD_RT_INVALID);
	assert_int_equal(a.task, task);
	assert_non_null(strstr(a.reason, reason_part));
}

static struct wd_rt_taskset valid_set(void)
{
	return SET(WD_RT_EDF, T("a", 1 * MS, 4 * MS), T("b", 2 * MS, 6 * MS));
}

static void validation_header(void **state)
{
	struct wd_rt_taskset set;

	(void)state;
	set = valid_set();
	set.magic++;
	expect_invalid(&set, -1, "magic");
	set = valid_set();
	set.revision = 2;
	expect_invalid(&set, -1, "revision");
	set = valid_set();
	set.policy = 0;
	expect_invalid(&set, -1, "policy");
	set = valid_set();
	set.count = 0;
	expect_invalid(&set, -1, "count");
	set.count = WD_RT_MAX_TASKS + 1;
	expect_invalid(&set, -1, "count");
	set.count = 0xffffffffu;
	expect_invalid(&set, -1, "count");
}

static void validation_tasks(void **state)
{
	struct wd_rt_taskset set;

	(void)state;
	set = valid_set();
	memset(set.task[1].name, 'x', WD_RT_NAME_LEN);
	expect_invalid(&set, 1, "name");
	set = valid_set();
	set.task[0].name[0] = '\0';
	expect_invalid(&set, 0, "name");
	set = valid_set();
	set.task[1].period_us = 0;
	expect_invalid(&set, 1, "period");
	set = valid_set();
	set.task[1].period_us = set.task[1].deadline_us = 1ull << 32;
	expect_invalid(&set, 1, "period");
	set = valid_set();
	set.task[0].deadline_us = set.task[0].period_us + 1;
	expect_invalid(&set, 0, "constrained");
	set = valid_set();
	set.task[0].deadline_us = 0;
	expect_invalid(&set, 0, "deadline");
	set = valid_set();
	set.task[1].wcet_us = 0;
	expect_invalid(&set, 1, "wcet");
	set = valid_set();
	set.task[1].wcet_us = ~0ull;
	expect_invalid(&set, 1, "wcet");
	set = valid_set();
	set.task[1].exec_us = 1ull << 40;
	expect_invalid(&set, 1, "exec");
	set = valid_set();
	set.task[0].flags = 1;
	expect_invalid(&set, 0, "flags");
}

/* Garbage past count is ignored; a hostile name is printed safely. */
static void validation_ignores_unused_and_sanitises(void **state)
{
	struct wd_rt_taskset set = valid_set();
	struct rt_analysis a;

	(void)state;
	memset(&set.task[2], 0xff, sizeof(set.task[2]) * 6);
	assert_int_equal(analyse(&set, &a), WD_RT_FEASIBLE);
	set.task[1].name[0] = '\n';
	set.task[1].name[1] = (char)0xff;
	set.task[1].wcet_us = 7 * MS;
	assert_int_equal(analyse(&set, &a), WD_RT_INFEASIBLE);
	assert_string_equal(a.reason, "task ??: wcet 7 ms > deadline 6 ms");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edf_implicit_below_one),
		cmocka_unit_test(edf_implicit_exactly_one),
		cmocka_unit_test(edf_implicit_just_above_one),
		cmocka_unit_test(edf_overload),
		cmocka_unit_test(edf_exact_near_one),
		cmocka_unit_test(edf_eight_large_periods),
		cmocka_unit_test(edf_largest_times_overload),
		cmocka_unit_test(edf_constrained_density),
		cmocka_unit_test(edf_density_exactly_one),
		cmocka_unit_test(edf_processor_demand_boundary),
		cmocka_unit_test(edf_processor_demand_tight_first_deadline),
		cmocka_unit_test(edf_processor_demand_just_over),
		cmocka_unit_test(edf_qpa_skips_deadlines),
		cmocka_unit_test(edf_low_utilisation_infeasible),
		cmocka_unit_test(edf_deadlines_after_busy_period),
		cmocka_unit_test(wcet_above_deadline),
		cmocka_unit_test(edf_undecided_at_step_limit),
		cmocka_unit_test(rm_above_ll_bound_admitted),
		cmocka_unit_test(rm_harmonic_full_utilisation),
		cmocka_unit_test(rm_rejects_what_edf_admits),
		cmocka_unit_test(rm_priority_not_table_order),
		cmocka_unit_test(rm_above_ll_bound_rejected),
		cmocka_unit_test(rm_constrained_deadline),
		cmocka_unit_test(rm_priority_order),
		cmocka_unit_test(rm_undecided_at_step_limit),
		cmocka_unit_test(ll_bounds),
		cmocka_unit_test(validation_header),
		cmocka_unit_test(validation_tasks),
		cmocka_unit_test(validation_ignores_unused_and_sanitises),
	};

	return cmocka_run_group_tests_name("rtos analysis", tests, NULL, NULL);
}
