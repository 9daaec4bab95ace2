/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The writer's side of the statistics block (rtos.h) for every RTOS that
 * keeps one: inmates/rtos, the FreeRTOS BSP (AArch64) and the ChibiOS BSP
 * (AArch32), the x86 RTOS inmate. Header-only and freestanding (no libc,
 * no inmate library): `dmb st` is the same instruction in A64 and A32;
 * x86 keeps stores in program order (TSO), so there only the compiler
 * must not reorder them.
 *
 * The protocol is rtos.h's: every change between two increments of
 * `sequence` (odd while in progress), the stores ordered around them for
 * a reader on another CPU. One writer, which keeps other writers on its
 * CPU out (IRQs masked or the kernel's lock) around begin ... end.
 */
#ifndef WARDEN_RTOS_STATS_H
#define WARDEN_RTOS_STATS_H

#include <warden/rtos.h>

static inline void wd_rt_stats_barrier(void)
{
#if defined(__x86_64__)
	__asm__ volatile("" : : : "memory");
#else
	__asm__ volatile("dmb st" : : : "memory");
#endif
}

static inline void wd_rt_stats_begin(volatile struct wd_rt_stats *b)
{
	b->sequence++;
	wd_rt_stats_barrier();
}

static inline void wd_rt_stats_end(volatile struct wd_rt_stats *b)
{
	wd_rt_stats_barrier();
	b->sequence++;
}

/*
 * Clears the block and fills it from the task set, invalid still (magic
 * 0): the root shows nothing until wd_rt_stats_publish().
 */
static inline void wd_rt_stats_fill(volatile struct wd_rt_stats *b,
				    const struct wd_rt_taskset *set,
				    wd_u32 verdict, wd_u64 timer_freq)
{
	volatile wd_u64 *word = (volatile wd_u64 *)b;

	for (unsigned int i = 0; i < sizeof(*b) / sizeof(*word); i++)
		word[i] = 0;
	b->revision = WD_RT_STATS_REVISION;
	b->policy = set->policy;
	b->count = set->count;
	b->verdict = verdict;
	b->timer_freq = timer_freq;
	for (unsigned int i = 0; i < set->count && i < WD_RT_MAX_TASKS; i++)
		for (unsigned int k = 0; k < WD_RT_NAME_LEN; k++)
			b->task[i].name[k] = set->task[i].name[k];
}

/*
 * Marks the block valid at the first release. An update like the others:
 * a reader copying meanwhile retries, so it never takes the magic
 * without the start time.
 */
static inline void wd_rt_stats_publish(volatile struct wd_rt_stats *b,
				       wd_u64 start)
{
	wd_rt_stats_begin(b);
	b->start = start;
	b->now = start;
	b->magic = WD_RT_STATS_MAGIC;
	wd_rt_stats_end(b);
}

#endif
