// SPDX-License-Identifier: GPL-2.0
/*
 * Console report (report.h). Fields are separated by spaces so that
 * scripts can read them (inmates/rtos/tests/run-baremetal.sh does):
 * rtos: t=2s EDF busy 72.9% switches 1151 irq-latency<=5 (idle)
 * rtos:   task            released completed misses overruns worst-ticks ...
 * rtos:   ctrl                 401       400      0        0      169287 ...
 * rtos: t=2s total released 754 completed 738 misses 0 overruns 12
 */
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include "report.h"
#include "stats.h"

static u64 period;
static u64 next_due;
static struct wd_rt_stats snapshot;
static bool snapshot_pending;
static u64 print_by; /* when the scheduler prints a pending snapshot */

void report_init(u64 start)
{
	period = timer_ns_to_ticks(RT_REPORT_PERIOD_NS);
	next_due = start + period;
}

u64 report_next(void)
{
	return snapshot_pending && print_by < next_due ? print_by : next_due;
}

static void print_task(const struct wd_rt_task_stats *t, u64 freq)
{
	printf("rtos:   %-15s %8llu %9llu %6llu %8llu %11llu %8llu\n", t->name,
	       t->released, t->completed, t->deadline_misses, t->overruns,
	       t->worst_response, t->worst_response * 1000000 / freq);
}

static void print_totals(const struct wd_rt_stats *s, u64 seconds)
{
	u64 released = 0, completed = 0, misses = 0, overruns = 0;

	for (unsigned int i = 0; i < s->count; i++) {
		released += s->task[i].released;
		completed += s->task[i].completed;
		misses += s->task[i].deadline_misses;
		overruns += s->task[i].overruns;
	}
	printf("rtos: t=%lus total released %lu completed %lu misses %lu "
	       "overruns %lu\n",
	       seconds, released, completed, misses, overruns);
}

static void print_table(const struct wd_rt_stats *s, const char *printer)
{
	u64 elapsed = s->now - s->start;
	u64 busy =
		elapsed ? ((elapsed - s->idle) * 1000 + elapsed / 2) / elapsed
			: 0;
	u64 seconds = (elapsed + s->timer_freq / 2) / s->timer_freq;

	printf("rtos: t=%lus %s busy %lu.%lu%% switches %llu "
	       "irq-latency<=%llu (%s)\n",
	       seconds, s->policy == WD_RT_EDF ? "EDF" : "RM", busy / 10,
	       busy % 10, s->switches, s->worst_irq_latency, printer);
	printf("rtos:   %-15s %8s %9s %6s %8s %11s %8s\n", "task", "released",
	       "completed", "misses", "overruns", "worst-ticks", "worst-us");
	for (unsigned int i = 0; i < s->count; i++)
		print_task(&s->task[i], s->timer_freq);
	print_totals(s, seconds);
}

void report_tick(u64 now)
{
	/* Idle had half a period and never ran: print it from here. */
	if (snapshot_pending && now >= print_by) {
		snapshot_pending = false;
		print_table(&snapshot,
			    "no idle time: printed by the scheduler");
	}
	if (now < next_due)
		return;
	while (next_due <= now)
		next_due += period;
	snapshot = *stats_block();
	snapshot_pending = true;
	print_by = now + period / 2;
}

bool report_pending(void)
{
	return snapshot_pending;
}

void report_print_pending(void)
{
	struct wd_rt_stats copy;

	irq_disable();
	if (!snapshot_pending) {
		irq_enable();
		return;
	}
	copy = snapshot;
	snapshot_pending = false;
	irq_enable();
	print_table(&copy, "idle");
}
