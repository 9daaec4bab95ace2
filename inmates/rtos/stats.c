// SPDX-License-Identifier: GPL-2.0
/*
 * Statistics block (stats.h). One writer: this CPU, with IRQs masked.
 * The sequence protocol and the filling are include/warden/rtos_stats.h's
 * (shared with the FreeRTOS and ChibiOS BSPs).
 */
#include <inmate/timer.h>
#include <warden/rtos_stats.h>

#include "stats.h"

/* Bare metal there is no comm region: the block lives here instead. */
static struct wd_rt_stats local_block;
static struct wd_rt_stats *block = &local_block;

void stats_init(uintptr_t comm_region, const struct wd_rt_taskset *set,
		u32 verdict)
{
	if (comm_region)
		block = (struct wd_rt_stats *)(comm_region +
					       WD_RT_STATS_OFFSET);
	wd_rt_stats_fill(block, set, verdict, timer_frequency());
}

struct wd_rt_stats *stats_block(void)
{
	return block;
}

void stats_start(u64 start)
{
	wd_rt_stats_publish(block, start);
}

void stats_begin(u64 now)
{
	wd_rt_stats_begin(block);
	block->now = now;
}

void stats_end(void)
{
	wd_rt_stats_end(block);
}
