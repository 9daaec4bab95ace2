/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Periodic tasks and their jobs. A task has at most one job at a time:
 * a job still unfinished when the next one is released has missed its
 * deadline (D <= T) and is abandoned. Every job starts on a fresh context
 * at the top of the task's own stack, so a job that is stopped leaves
 * nothing behind. All times are in counter ticks.
 */
#ifndef INMATES_RTOS_TASK_H
#define INMATES_RTOS_TASK_H

#include <inmate/exception.h>
#include <inmate/types.h>
#include <warden/rtos.h>

#define RT_STACK_SIZE 8192

struct rt_task {
	const struct wd_rt_task *cfg;
	struct wd_rt_task_stats *stats; /* this task's row of the block */
	unsigned int index; /* position in the task set */
	unsigned int rank; /* RM priority: 0 is the highest */
	u64 period, deadline, budget, exec; /* from cfg, in ticks */
	u64 next_release;

	/* The current job */
	bool pending; /* released, neither finished nor stopped */
	bool fresh; /* not run yet: needs a new context */
	u64 job; /* 1 for the first job */
	u64 release; /* when it was due (not when the IRQ came) */
	u64 abs_deadline;
	u64 used; /* execution time consumed */
	struct exception_frame *frame; /* saved context while not running */
	u8 *stack_base, *stack_top;
};

void task_init(struct rt_task *t, const struct wd_rt_task *cfg,
	       unsigned int index, struct wd_rt_task_stats *stats,
	       u64 first_release);
/* Releases the job due at t->next_release, abandoning an unfinished one. */
void task_release(struct rt_task *t);
/* The job's body returned. */
void task_complete(struct rt_task *t, u64 now);
/* The job used up its budget: stop it. */
void task_stop(struct rt_task *t, u64 now);
/* The context to resume the job with, built first if the job is fresh. */
struct exception_frame *task_context(struct rt_task *t);
/* Still intact: nothing wrote below the bottom of the stack. */
bool task_stack_intact(const struct rt_task *t);

#endif
