// SPDX-License-Identifier: GPL-2.0
/*
 * Job life cycle and its counters (task.h). Counters are written straight
 * into the statistics block; the scheduler brackets every update with the
 * block's sequence count.
 */
#include <inmate/string.h>
#include <inmate/timer.h>
#include <rtos_arch.h>

#include "task.h"
#include "workload.h"

#define STACK_CANARY 0x5354414b43414e59ull /* "YNACKATS" */

static u8 stacks[WD_RT_MAX_TASKS][RT_STACK_SIZE] __attribute__((aligned(16)));

static u64 us_to_ticks(u64 us)
{
	return timer_ns_to_ticks(us * 1000);
}

void task_init(struct rt_task *t, const struct wd_rt_task *cfg,
	       unsigned int index, struct wd_rt_task_stats *stats,
	       u64 first_release)
{
	memset(t, 0, sizeof(*t));
	t->cfg = cfg;
	t->stats = stats;
	t->index = index;
	t->period = us_to_ticks(cfg->period_us);
	t->deadline = us_to_ticks(cfg->deadline_us);
	t->budget = us_to_ticks(cfg->wcet_us);
	t->exec = us_to_ticks(cfg->exec_us);
	t->next_release = first_release;
	t->stack_base = stacks[index];
	t->stack_top = stacks[index] + RT_STACK_SIZE;
	*(u64 *)t->stack_base = STACK_CANARY;
}

/* Finished or stopped after its deadline: a miss either way. */
static void count_miss_if_late(struct rt_task *t, u64 now)
{
	if (now > t->abs_deadline)
		t->stats->deadline_misses++;
}

void task_release(struct rt_task *t)
{
	/* The next release is at or after the deadline (D <= T). */
	if (t->pending)
		t->stats->deadline_misses++;
	t->job++;
	t->release = t->next_release;
	t->abs_deadline = t->release + t->deadline;
	t->used = 0;
	t->pending = true;
	t->fresh = true;
	t->next_release += t->period;
	t->stats->released++;
}

void task_complete(struct rt_task *t, u64 now)
{
	u64 response = now - t->release;

	t->pending = false;
	t->stats->completed++;
	if (response > t->stats->worst_response)
		t->stats->worst_response = response;
	count_miss_if_late(t, now);
}

void task_stop(struct rt_task *t, u64 now)
{
	t->pending = false;
	t->stats->overruns++;
	count_miss_if_late(t, now);
}

/* A context that "returns" from an exception into workload_job(t). */
static struct exception_frame *fresh_frame(struct rt_task *t)
{
	struct exception_frame *f = (void *)(t->stack_top - sizeof(*f));

	memset(f, 0, sizeof(*f));
	rtos_frame_init(f, workload_job, t);
	return f;
}

struct exception_frame *task_context(struct rt_task *t)
{
	if (t->fresh) {
		t->frame = fresh_frame(t);
		t->fresh = false;
	}
	return t->frame;
}

bool task_stack_intact(const struct rt_task *t)
{
	return *(const u64 *)t->stack_base == STACK_CANARY;
}
