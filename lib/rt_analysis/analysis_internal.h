/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pieces of the schedulability analysis shared between its files. Every
 * function here expects a task set rt_analyse() has already validated.
 */
#ifndef WARDEN_RT_ANALYSIS_INTERNAL_H
#define WARDEN_RT_ANALYSIS_INTERNAL_H

#include "rt_analysis.h"

#define WD_U64_MAX (~(wd_u64)0)

/* Which divisor a utilisation-like sum uses: C/T or C/D (density). */
enum rt_divisor { RT_BY_PERIOD, RT_BY_DEADLINE };

/* utilisation.c: exact comparison, approximate display. */
int rt_sum_vs_one(const struct wd_rt_taskset *set, enum rt_divisor by);
wd_u32 rt_utilisation_permille(const struct wd_rt_taskset *set,
			       int exact_vs_one);

/* analysis_edf.c, analysis_rta.c */
wd_u32 rt_analyse_edf(const struct wd_rt_taskset *set, struct rt_analysis *a);
wd_u32 rt_analyse_rm(const struct wd_rt_taskset *set, struct rt_analysis *a);

/* analysis.c: records the outcome; returns verdict. */
wd_u32 rt_decide(struct rt_analysis *a, wd_u32 verdict, int task,
		 const char *test);
/* analysis.c: counts one loop iteration; 0 once the limit is reached. */
int rt_step(struct rt_analysis *a);

/* analysis_text.c: append to a->reason, truncating at its end. */
void rt_text_str(struct rt_analysis *a, const char *s);
void rt_text_u64(struct rt_analysis *a, wd_u64 value);
void rt_text_time(struct rt_analysis *a, wd_u64 us);
void rt_text_permille(struct rt_analysis *a, wd_u32 permille);
void rt_text_task(struct rt_analysis *a, const struct wd_rt_taskset *set,
		  unsigned int i);

static inline wd_u64 rt_sat_add(wd_u64 a, wd_u64 b)
{
	return a > WD_U64_MAX - b ? WD_U64_MAX : a + b;
}

static inline wd_u64 rt_sat_mul(wd_u64 a, wd_u64 b)
{
	return b && a > WD_U64_MAX / b ? WD_U64_MAX : a * b;
}

static inline wd_u64 rt_div_ceil(wd_u64 a, wd_u64 b)
{
	return a / b + (a % b != 0);
}

#endif
