// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in task sets (taskset.h), defined in the ABI
 * header <warden/rt_taskset.h>; used
 * when Warden did not copy a set from the cell config into the comm
 * region (and bare metal).
 */
#include "taskset.h"
#include <warden/rt_taskset.h>

#include <rtos_arch.h>
#include <warden/comm.h>

#ifndef RT_TASKSET
#error "build with -DRT_TASKSET=RT_TASKSET_..."
#endif

#if RT_TASKSET == RT_TASKSET_EDF
static const struct wd_rt_taskset set = RT_TASKSET_EDF_INIT;
static const char purpose[] =
	"admitted EDF set, U 0.800; every 4th 'log' job overruns";
#elif RT_TASKSET == RT_TASKSET_RM
static const struct wd_rt_taskset set = RT_TASKSET_RM_INIT;
static const char purpose[] = "admitted RM set above the Liu & Layland bound, "
			      "U 0.783; every 5th 'fast' job overruns";
#elif RT_TASKSET == RT_TASKSET_OVERLOAD_EDF
static const struct wd_rt_taskset set = RT_TASKSET_OVERLOAD_INIT(WD_RT_EDF);
static const char purpose[] = "overload, U 1.100: deadline misses expected";
#elif RT_TASKSET == RT_TASKSET_OVERLOAD_RM
static const struct wd_rt_taskset set = RT_TASKSET_OVERLOAD_INIT(WD_RT_RM);
static const char purpose[] = "overload, U 1.100: deadline misses expected";
#else
#error "unknown RT_TASKSET"
#endif

/* The set Warden copied from the cell config, if there is one. */
static const struct wd_rt_taskset *comm_taskset(void)
{
	const struct wd_rt_taskset *ts;

	if (!rtos_comm_region())
		return 0;
	ts = (const void *)(rtos_comm_region() + WD_COMM_RT_TASKSET_OFFSET);
	return ts->magic == WD_RT_TASKSET_MAGIC ? ts : 0;
}

const struct wd_rt_taskset *taskset_get(void)
{
	const struct wd_rt_taskset *ts = comm_taskset();

	return ts ? ts : &set;
}

const char *taskset_purpose(void)
{
	return comm_taskset() ? "the task set of the cell config" : purpose;
}
