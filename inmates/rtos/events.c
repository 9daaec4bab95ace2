// SPDX-License-Identifier: GPL-2.0
/*
 * Timer events (events.h), and the delivery latency of the timer IRQ:
 * counter at IRQ entry minus the event it was programmed for. Only events
 * programmed ahead of time count; an event already due when it is armed
 * fires at once and says nothing about delivery.
 */
#include <inmate/timer.h>
#include <rtos_arch.h>

#include "events.h"
#include "report.h"
#include "stats.h"
#include "task.h"

static u64 armed_for;
static bool armed_ahead;

static u64 earlier(u64 a, u64 b)
{
	return a < b ? a : b;
}

u64 events_next(const struct rt_task *tasks, unsigned int count,
		const struct rt_task *running, u64 dispatched_at)
{
	u64 next = report_next();

	for (unsigned int i = 0; i < count; i++)
		next = earlier(next, tasks[i].next_release);
	if (running)
		next = earlier(next,
			       dispatched_at + running->budget - running->used);
	return next;
}

void events_arm(u64 when)
{
	armed_for = when;
	armed_ahead = when > timer_now();
	rtos_timer_set(when);
}

/*
 * Why the mask: QEMU 7.2's GICv2 model does not re-evaluate the physical
 * CPU interface when a cell deactivates a hardware-linked interrupt, so a
 * timer line that rose again while its IRQ was active stays unsignalled
 * until some unrelated GIC event, often a root CPU's next tick
 * (Documentation/bench.md). Unmasked after the EOI, the line rises while
 * the interrupt is inactive, which every GIC signals. Two system register
 * writes per timer IRQ.
 */
void events_mask(void)
{
	rtos_timer_mask();
}

void events_unmask(void)
{
	rtos_timer_unmask();
}

void events_release_due(struct rt_task *tasks, unsigned int count, u64 now)
{
	for (unsigned int i = 0; i < count; i++)
		while (tasks[i].next_release <= now)
			task_release(&tasks[i]);
}

void events_irq_entered(u64 entry_ticks)
{
	struct wd_rt_stats *block = stats_block();
	u64 latency;

	if (!armed_ahead || entry_ticks < armed_for)
		return;
	latency = entry_ticks - armed_for;
	if (latency > block->worst_irq_latency)
		block->worst_irq_latency = latency;
	armed_ahead = false;
}
