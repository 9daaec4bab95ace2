/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The shipped task sets as initializers, shared by the RTOS image's
 * built-in table (tasksets.c) and the cell configs that carry a set
 * (cells/arm64/rtos*.c). Times in microseconds. Bodies run exec_us,
 * 90-95% of their budget: the rest covers the job's own entry and exit
 * and the kernel's overheads the analysis does not model.
 */
#ifndef WARDEN_RT_TASKSET_H
#define WARDEN_RT_TASKSET_H

#include <warden/rtos.h>

#define RT_MS 1000

#define RT_TASK(n, t, d, c, e, every)                                     \
	{                                                                 \
		.name = n, .period_us = (t), .deadline_us = (d),          \
		.wcet_us = (c), .exec_us = (e), .overrun_every = (every), \
	}

#define RT_SET(pol, ...)                                              \
	{                                                             \
		.magic = WD_RT_TASKSET_MAGIC,                         \
		.revision = WD_RT_TASKSET_REVISION, .policy = (pol),  \
		.count = sizeof((struct wd_rt_task[]){__VA_ARGS__}) / \
			 sizeof(struct wd_rt_task),                   \
		.task = {__VA_ARGS__},                                \
	}

/*
 * EDF, U = 0.800, one constrained deadline (sensor: D = 4 < T = 10) that
 * pushes the density to 1.1, so the processor-demand test decides. Every
 * 4th "log" job tries to run forever: its 4 ms budget stops it, and no
 * other job may miss its deadline because of it.
 */
#define RT_TASKSET_EDF_INIT                                                  \
	RT_SET(WD_RT_EDF,                                                    \
	       RT_TASK("ctrl", 5 * RT_MS, 5 * RT_MS, 1 * RT_MS, 900, 0),     \
	       RT_TASK("sensor", 10 * RT_MS, 4 * RT_MS, 2 * RT_MS, 1800, 0), \
	       RT_TASK("plan", 20 * RT_MS, 20 * RT_MS, 6 * RT_MS, 5500, 0),  \
	       RT_TASK("log", 40 * RT_MS, 40 * RT_MS, 4 * RT_MS, 3600, 4))

/*
 * Rate monotonic, U = 0.783: above the Liu & Layland bound for 4 tasks
 * (0.757), yet response-time analysis admits it (R = 1, 2, 4, 8 ms). The
 * highest-priority task overruns every 5th job; enforcement keeps its
 * interference at the 1 ms budget the analysis assumed.
 */
#define RT_TASKSET_RM_INIT                                                    \
	RT_SET(WD_RT_RM,                                                      \
	       RT_TASK("fast", 4 * RT_MS, 4 * RT_MS, 1 * RT_MS, 900, 5),      \
	       RT_TASK("medium", 6 * RT_MS, 6 * RT_MS, 1 * RT_MS, 900, 0),    \
	       RT_TASK("control", 10 * RT_MS, 8 * RT_MS, 2 * RT_MS, 1800, 0), \
	       RT_TASK("slow", 12 * RT_MS, 12 * RT_MS, 2 * RT_MS, 1800, 0))

/* U = 1.100 declared, 1.045 executed: some deadlines must be missed. */
#define RT_TASKSET_OVERLOAD_INIT(policy)                                       \
	RT_SET(policy, RT_TASK("a", 5 * RT_MS, 5 * RT_MS, 2 * RT_MS, 1900, 0), \
	       RT_TASK("b", 10 * RT_MS, 10 * RT_MS, 3 * RT_MS, 2850, 0),       \
	       RT_TASK("c", 20 * RT_MS, 20 * RT_MS, 5 * RT_MS, 4750, 0),       \
	       RT_TASK("d", 40 * RT_MS, 40 * RT_MS, 6 * RT_MS, 5700, 0))

#endif
