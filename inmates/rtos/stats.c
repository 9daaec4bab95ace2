// SPDX-License-Identifier: GPL-2.0
/*
 * Statistics block (stats.h). One writer: this CPU, with IRQs masked.
 * The sequence count is the readers' only synchronisation: odd while an
 * update is in progress. Data stores must not pass the sequence stores
 * (seen from another CPU), hence the barriers around them.
 */
#include <inmate/string.h>
#include <inmate/timer.h>

#include "stats.h"

/* Bare metal there is no comm region: the block lives here instead. */
static struct wd_rt_stats local_block;
static struct wd_rt_stats *block = &local_block;

/* Full system: the block is Device memory (MMU off), outer shareable. */
static inline void store_barrier(void)
{
	asm volatile("dmb st" : : : "memory");
}

void stats_init(uintptr_t comm_region, const struct wd_rt_taskset *set,
		u32 verdict)
{
	if (comm_region)
		block = (struct wd_rt_stats *)(comm_region +
					       WD_RT_STATS_OFFSET);
	memset(block, 0, sizeof(*block));
	block->revision = WD_RT_STATS_REVISION;
	block->policy = set->policy;
	block->count = set->count;
	block->verdict = verdict;
	block->timer_freq = timer_frequency();
	for (unsigned int i = 0; i < set->count; i++)
		memcpy(block->task[i].name, set->task[i].name, WD_RT_NAME_LEN);
}

struct wd_rt_stats *stats_block(void)
{
	return block;
}

/*
 * Publishing is an update like the others: a reader that copies the
 * block while it happens sees the sequence change and retries, so it
 * never takes a block with the magic but without its start time.
 */
void stats_start(u64 start)
{
	stats_begin(start);
	block->start = start;
	block->magic = WD_RT_STATS_MAGIC;
	stats_end();
}

void stats_begin(u64 now)
{
	block->sequence++;
	store_barrier();
	block->now = now;
}

void stats_end(void)
{
	store_barrier();
	block->sequence++;
}
