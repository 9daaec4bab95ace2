// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler (sched.h). State is touched only with IRQs masked: in
 * sched_switch (exception context) and in sched_executed.
 *
 * Time accounting: the interval since the last dispatch is charged to
 * whatever ran (a job's `used`, or idle). The scheduler's own time is
 * charged to nobody: dispatch restarts the clock after the decision.
 */
#include <inmate/boot.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include <rt_analysis.h>
#include <rtos_arch.h>
#include "events.h"
#include "report.h"
#include "sched.h"
#include "stats.h"
#include "task.h"

static struct rt_task tasks[WD_RT_MAX_TASKS];
static unsigned int task_count;
static u32 policy;
static struct rt_task *current; /* NULL: idle (inmate_main's loop) */
static struct exception_frame *idle_frame;
static u64 dispatched_at;

void sched_init(const struct wd_rt_taskset *set, u64 first_release)
{
	struct wd_rt_stats *block = stats_block();

	policy = set->policy;
	task_count = set->count;
	for (unsigned int i = 0; i < task_count; i++)
		task_init(&tasks[i], &set->task[i], i, &block->task[i],
			  first_release);
	for (unsigned int i = 0; i < task_count; i++)
		for (unsigned int j = 0; j < task_count; j++)
			tasks[i].rank += rt_rm_higher(set, j, i) ? 1 : 0;
	/* Idle time counts from the first release, as the statistics do. */
	dispatched_at = first_release;
	events_arm(events_next(tasks, task_count, NULL, 0));
	events_unmask();
}

/* A job that wrote past its stack has corrupted memory: stop the cell. */
static void check_stack(const struct rt_task *t)
{
	if (task_stack_intact(t))
		return;
	printf("rtos: task %s overflowed its %u-byte stack, halting\n",
	       t->cfg->name, RT_STACK_SIZE);
	inmate_halt();
}

static void charge(struct exception_frame *frame, u64 now)
{
	u64 ran = now - dispatched_at;

	if (!current) {
		idle_frame = frame;
		stats_block()->idle += ran;
		return;
	}
	check_stack(current);
	current->frame = frame;
	current->used += ran;
}

static bool precedes(const struct rt_task *a, const struct rt_task *b)
{
	if (policy == WD_RT_EDF)
		return a->abs_deadline < b->abs_deadline;
	return a->rank < b->rank;
}

/* Ties keep the running job, then favour the lower task index. */
static struct rt_task *pick(void)
{
	struct rt_task *best = current && current->pending ? current : NULL;

	for (unsigned int i = 0; i < task_count; i++) {
		struct rt_task *t = &tasks[i];

		if (t->pending && (!best || precedes(t, best)))
			best = t;
	}
	return best;
}

static struct exception_frame *dispatch(struct rt_task *next)
{
	current = next;
	dispatched_at = timer_now();
	events_arm(events_next(tasks, task_count, current, dispatched_at));
	return current ? task_context(current) : idle_frame;
}

/* Order matters at equal instants: finish or stop, then release. */
struct exception_frame *sched_switch(struct exception_frame *frame,
				     enum sched_reason why)
{
	u64 now = timer_now();
	struct rt_task *next;

	stats_begin(now);
	if (why == SCHED_TIMER)
		events_irq_entered(frame->entry_ticks);
	charge(frame, now);
	if (why == SCHED_JOB_DONE && current && current->pending)
		task_complete(current, now);
	if (current && current->pending && current->used >= current->budget)
		task_stop(current, now);
	events_release_due(tasks, task_count, now);
	next = pick();
	if (next != current)
		stats_block()->switches++;
	stats_end();
	report_tick(now);
	return dispatch(next);
}

u64 sched_executed(void)
{
	u64 executed;

	irq_disable();
	executed = current->used + (timer_now() - dispatched_at);
	irq_enable();
	return executed;
}

void sched_job_done(void)
{
	rtos_job_done_trap();
	/* The scheduler never resumes a finished job's context. */
	for (;;)
		wait_for_interrupt();
}
