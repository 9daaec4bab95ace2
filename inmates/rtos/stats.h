/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The statistics block (struct wd_rt_stats, include/warden/rtos.h): in
 * the comm region at WD_RT_STATS_OFFSET under Warden, in this image's
 * .bss bare metal. Updated in place by the scheduler, between
 * stats_begin() and stats_end(), so the root can read it at any time.
 */
#ifndef INMATES_RTOS_STATS_H
#define INMATES_RTOS_STATS_H

#include <inmate/types.h>
#include <warden/rtos.h>

/* comm_region: its address from the boot ABI, 0 bare metal. */
void stats_init(uintptr_t comm_region, const struct wd_rt_taskset *set,
		u32 verdict);
struct wd_rt_stats *stats_block(void);
/* Marks the block valid and sets start (the first release). */
void stats_start(u64 start);
void stats_begin(u64 now);
void stats_end(void);

#endif
