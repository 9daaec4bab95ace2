// SPDX-License-Identifier: GPL-2.0
/*
 * One task of freertos-demo's set: a loop of jobs, each released by
 * xTaskDelayUntil at a tick instant (tick n stands for counter value
 * bsp_tick_time(n)), with the job model of inmates/rtos/README.md:
 * - the body computes until the task has executed exec_us of its own time
 *   (demo_executed(): switches are accounted, time preempted does not
 *   count); jobs overrun_every, 2 * overrun_every, ... never finish on
 *   their own and stop at the budget (wcet_us): an overrun;
 * - response = end - release; a job that ends after release + D is a
 *   deadline miss; a release whose deadline passed before the task got
 *   to it is skipped, counted released and missed (no backlog).
 * Budget enforcement is the body's own check of its execution time at
 * every few hundred instructions: FreeRTOS has no budgets of its own.
 */
#include <inmate/timer.h>

#include "bsp.h"
#include "demo.h"
#include "demo_stats.h"
#include "task.h"

#define STEPS_PER_CHECK 64

/* Keeps the computation observable, so the compiler cannot drop it. */
static volatile u64 demo_sink;

static inline u64 compute(u64 x)
{
	return x * 6364136223846793005ull + 1442695040888963407ull;
}

static u64 us_to_ticks(u64 us)
{
	return timer_ns_to_ticks(us * 1000);
}

/* Runs one job's body; true if its budget stopped it (an overrun). */
static bool run_job(const struct demo_task *t, u64 job)
{
	u32 every = t->cfg->overrun_every;
	bool endless = every && job % every == 0;
	u64 budget = us_to_ticks(t->cfg->wcet_us);
	u64 exec = us_to_ticks(t->cfg->exec_us);
	u64 goal = endless || exec > budget ? budget : exec;
	u64 begin = demo_executed(t->index);
	u64 x = job;

	while (demo_executed(t->index) - begin < goal)
		for (unsigned int i = 0; i < STEPS_PER_CHECK; i++)
			x = compute(x);
	demo_sink = x;
	return endless || exec > budget;
}

/* The next release, skipping those already past their deadline. */
static TickType_t next_release(const struct demo_task *t, TickType_t release,
			       TickType_t period, u64 deadline, u64 *job)
{
	TickType_t next = release + period;

	while (bsp_tick_time(next) + deadline <= timer_now()) {
		demo_job_abandoned(t->index);
		next += period;
		++*job;
	}
	return next;
}

void demo_task_run(void *arg)
{
	const struct demo_task *t = arg;
	TickType_t period = t->cfg->period_us * configTICK_RATE_HZ / 1000000;
	u64 deadline = us_to_ticks(t->cfg->deadline_us);
	TickType_t release = 0;

	xTaskDelayUntil(&release, t->first_release);
	for (u64 job = 1;; job++) {
		u64 released_at = bsp_tick_time(release);
		bool overrun;

		demo_job_released(t->index);
		overrun = run_job(t, job);
		demo_job_done(t->index, overrun, timer_now() - released_at,
			      deadline);
		xTaskDelayUntil(&release, next_release(t, release, period,
						       deadline, &job) -
						  release);
	}
}
