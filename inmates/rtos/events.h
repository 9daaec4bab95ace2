/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timer events. The kernel is tick-less: the virtual timer is programmed
 * for the earliest of the next job release, the running job's budget
 * exhaustion and the next statistics report, and nothing else wakes it.
 */
#ifndef INMATES_RTOS_EVENTS_H
#define INMATES_RTOS_EVENTS_H

#include <inmate/types.h>

struct rt_task;

/* When the timer must fire next (absolute counter value). */
u64 events_next(const struct rt_task *tasks, unsigned int count,
		const struct rt_task *running, u64 dispatched_at);
/* Sets the deadline; the timer's mask is left as it is. */
void events_arm(u64 when);
/* Timer output masked from timer IRQ entry until after its EOI (events.c). */
void events_mask(void);
void events_unmask(void);
/* Releases every job that is due by now (several if the CPU was late). */
void events_release_due(struct rt_task *tasks, unsigned int count, u64 now);
/* Timer IRQ taken: entry_ticks is the counter read in the vector. */
void events_irq_entered(u64 entry_ticks);

#endif
