// SPDX-License-Identifier: GPL-2.0
/*
 * The synthetic job body: computes until the job has executed exec_us of
 * its own time (the scheduler's account, so time spent preempted does not
 * count), then tells the scheduler it is done. Jobs chosen by
 * overrun_every compute forever instead; only their budget stops them.
 *
 * The loop deliberately has no `yield`: that would make QEMU leave its
 * translated code on every iteration and run far slower than a real
 * computation would.
 */
#include "sched.h"
#include "task.h"
#include "workload.h"

/* Keeps the computation observable, so the compiler cannot drop it. */
static volatile u64 workload_sink;

/* One step of make-believe work (a linear congruential generator). */
static inline u64 compute(u64 x)
{
	return x * 6364136223846793005ull + 1442695040888963407ull;
}

static bool deliberately_overruns(const struct rt_task *t)
{
	u32 every = t->cfg->overrun_every;

	return every && t->job % every == 0;
}

void workload_job(struct rt_task *t)
{
	u64 x = t->job;

	if (deliberately_overruns(t)) {
		for (;;)
			workload_sink = x = compute(x);
	}
	while (sched_executed() < t->exec)
		x = compute(compute(x));
	workload_sink = x;
	sched_job_done();
}
