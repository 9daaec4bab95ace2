// SPDX-License-Identifier: GPL-2.0
/*
 * freertos-demo's console report: every second of the tick's time, a
 * table from a consistent copy of the statistics block, in the format of
 * inmates/rtos (the scenario reads the "total" line). The lowest priority
 * but idle: printing (a hypercall per character) never delays a job.
 */
#include <inmate/printf.h>
#include <inmate/timer.h>

#include "bsp.h"
#include "demo.h"
#include "demo_stats.h"
#include "task.h"

static void print_tasks(const struct wd_rt_stats *s,
			struct wd_rt_task_stats *sum)
{
	printf("freertos-demo:   %-15s %8s %9s %6s %8s %11s %8s\n", "task",
	       "released", "completed", "misses", "overruns", "worst-ticks",
	       "worst-us");
	for (unsigned int i = 0; i < s->count; i++) {
		const struct wd_rt_task_stats *t = &s->task[i];

		printf("freertos-demo:   %-15s %8llu %9llu %6llu %8llu %11llu "
		       "%8llu\n",
		       t->name, t->released, t->completed, t->deadline_misses,
		       t->overruns, t->worst_response,
		       (unsigned long long)timer_ticks_to_ns(
			       t->worst_response) /
			       1000);
		sum->released += t->released;
		sum->completed += t->completed;
		sum->deadline_misses += t->deadline_misses;
		sum->overruns += t->overruns;
	}
}

static void report(unsigned long seconds)
{
	static struct wd_rt_stats s;
	struct wd_rt_task_stats sum = {0};
	u64 span;

	demo_stats_snapshot(&s);
	span = s.now > s.start ? s.now - s.start : 1;
	printf("freertos-demo: t=%lus RM busy %llu.%llu%% switches %llu "
	       "tick-latency<=%llu\n",
	       seconds, (span - s.idle) * 100 / span,
	       (span - s.idle) * 1000 / span % 10, s.switches,
	       s.worst_irq_latency);
	print_tasks(&s, &sum);
	printf("freertos-demo: t=%lus total released %llu completed %llu "
	       "misses %llu overruns %llu\n",
	       seconds, sum.released, sum.completed, sum.deadline_misses,
	       sum.overruns);
}

void demo_report_task(void *arg)
{
	TickType_t wake = 0;

	(void)arg;
	/* The tick's time base exists now that the scheduler runs. */
	demo_stats_start(bsp_tick_time(DEMO_FIRST_RELEASE_TICKS));
	xTaskDelayUntil(&wake, DEMO_FIRST_RELEASE_TICKS);
	for (unsigned long seconds = 1;; seconds++) {
		xTaskDelayUntil(&wake, configTICK_RATE_HZ);
		report(seconds);
	}
}
