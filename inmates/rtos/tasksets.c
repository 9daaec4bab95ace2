// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in task sets (taskset.h). Times in microseconds. Bodies run
 * exec_us, 90-95% of their budget: the rest covers the job's own entry
 * and exit and the kernel's overheads the analysis does not model.
 */
#include "taskset.h"

#ifndef RT_TASKSET
#error "build with -DRT_TASKSET=RT_TASKSET_..."
#endif

#define MS 1000

#define TASK(n, t, d, c, e, every)                                        \
	{                                                                 \
		.name = n, .period_us = (t), .deadline_us = (d),          \
		.wcet_us = (c), .exec_us = (e), .overrun_every = (every), \
	}

#define SET(pol, ...)                                                 \
	{                                                             \
		.magic = WD_RT_TASKSET_MAGIC,                         \
		.revision = WD_RT_TASKSET_REVISION, .policy = (pol),  \
		.count = sizeof((struct wd_rt_task[]){__VA_ARGS__}) / \
			 sizeof(struct wd_rt_task),                   \
		.task = {__VA_ARGS__},                                \
	}

#if RT_TASKSET == RT_TASKSET_EDF
/*
 * EDF, U = 0.800, one constrained deadline (sensor: D = 4 < T = 10) that
 * pushes the density to 1.1, so the processor-demand test decides. Every
 * 4th "log" job tries to run forever: its 4 ms budget stops it, and no
 * other job may miss its deadline because of it.
 */
static const struct wd_rt_taskset set =
	SET(WD_RT_EDF, TASK("ctrl", 5 * MS, 5 * MS, 1 * MS, 900, 0),
	    TASK("sensor", 10 * MS, 4 * MS, 2 * MS, 1800, 0),
	    TASK("plan", 20 * MS, 20 * MS, 6 * MS, 5500, 0),
	    TASK("log", 40 * MS, 40 * MS, 4 * MS, 3600, 4));
static const char purpose[] =
	"admitted EDF set, U 0.800; every 4th 'log' job overruns";

#elif RT_TASKSET == RT_TASKSET_RM
/*
 * Rate monotonic, U = 0.783: above the Liu & Layland bound for 4 tasks
 * (0.757), yet response-time analysis admits it (R = 1, 2, 4, 8 ms). The
 * highest-priority task overruns every 5th job; enforcement keeps its
 * interference at the 1 ms budget the analysis assumed.
 */
static const struct wd_rt_taskset set =
	SET(WD_RT_RM, TASK("fast", 4 * MS, 4 * MS, 1 * MS, 900, 5),
	    TASK("medium", 6 * MS, 6 * MS, 1 * MS, 900, 0),
	    TASK("control", 10 * MS, 8 * MS, 2 * MS, 1800, 0),
	    TASK("slow", 12 * MS, 12 * MS, 2 * MS, 1800, 0));
static const char purpose[] = "admitted RM set above the Liu & Layland bound, "
			      "U 0.783; every 5th 'fast' job overruns";

#elif RT_TASKSET == RT_TASKSET_OVERLOAD_EDF || \
	RT_TASKSET == RT_TASKSET_OVERLOAD_RM
/* U = 1.100 declared, 1.045 executed: some deadlines must be missed. */
#if RT_TASKSET == RT_TASKSET_OVERLOAD_EDF
#define OVERLOAD_POLICY WD_RT_EDF
#else
#define OVERLOAD_POLICY WD_RT_RM
#endif
static const struct wd_rt_taskset set =
	SET(OVERLOAD_POLICY, TASK("a", 5 * MS, 5 * MS, 2 * MS, 1900, 0),
	    TASK("b", 10 * MS, 10 * MS, 3 * MS, 2850, 0),
	    TASK("c", 20 * MS, 20 * MS, 5 * MS, 4750, 0),
	    TASK("d", 40 * MS, 40 * MS, 6 * MS, 5700, 0));
static const char purpose[] = "overload, U 1.100: deadline misses expected";

#else
#error "unknown RT_TASKSET"
#endif

const struct wd_rt_taskset *taskset_get(void)
{
	return &set;
}

const char *taskset_purpose(void)
{
	return purpose;
}
