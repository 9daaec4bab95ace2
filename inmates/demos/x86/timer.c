// SPDX-License-Identifier: GPL-2.0
/*
 * timer for x86: interrupt latency of the local APIC timer at
 * TIMER_RATE_HZ, the x86 counterpart of inmates/demos/timer.c. Each
 * sample is the TSC read first thing in the IRQ stub minus the deadline
 * the one-shot timer was armed for, in TSC ticks; once a second the main
 * loop prints min/avg/max of the last second's samples, in the same line
 * format as on arm64. Between IRQs the CPU idles in HLT.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/irq.h>
#include <inmate/lapic.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define TIMER_RATE_HZ 1000

struct latency_stats {
	u64 samples;
	s64 sum, min, max;
};

static u64 period, deadline, missed;
static volatile struct latency_stats window;

static void stats_add(volatile struct latency_stats *s, s64 latency)
{
	if (!s->samples || latency < s->min)
		s->min = latency;
	if (!s->samples || latency > s->max)
		s->max = latency;
	s->sum += latency;
	s->samples++;
}

/* A deadline already past would measure the backlog: skip it. */
static void on_timer(unsigned int vector, u64 entry_ticks)
{
	(void)vector;
	stats_add(&window, (s64)(entry_ticks - deadline));
	deadline += period;
	while ((s64)(timer_now() - deadline) >= 0) {
		deadline += period;
		missed++;
	}
	timer_arm(deadline);
}

static struct latency_stats take_window(void)
{
	struct latency_stats s;

	irq_disable();
	s = window;
	window.samples = 0;
	window.sum = 0;
	irq_enable();
	return s;
}

static void merge(struct latency_stats *all, const struct latency_stats *s)
{
	if (!all->samples || s->min < all->min)
		all->min = s->min;
	if (!all->samples || s->max > all->max)
		all->max = s->max;
	all->sum += s->sum;
	all->samples += s->samples;
}

static void print_stats(unsigned int second, struct latency_stats *s,
			struct latency_stats *all)
{
	s64 avg10 = s->sum * 10 / (s64)s->samples;

	printf("timer: t=%us n=%lu min %ld avg %ld.%ld max %ld ticks | "
	       "all n=%lu min %ld max %ld missed %lu\n",
	       second, s->samples, s->min, avg10 / 10, avg10 % 10, s->max,
	       all->samples, all->min, all->max, missed);
}

void inmate_main(void)
{
	struct latency_stats all = {0};
	int err;

	printf("\ntimer: latency of a %u Hz APIC timer IRQ (vector 0x%x), "
	       "idle in HLT\n",
	       TIMER_RATE_HZ, PLATFORM_TIMER_VECTOR);
	err = lapic_init();
	if (!err)
		err = irq_request(PLATFORM_TIMER_VECTOR, on_timer);
	if (err) {
		printf("timer: APIC/IRQ set-up failed (%d)\n", err);
		return;
	}
	printf("timer: xAPIC id %u, console %s, TSC %lu Hz, APIC timer %lu "
	       "Hz\n",
	       lapic_id(), console_name(), timer_frequency(),
	       timer_lapic_frequency());
	period = timer_frequency() / TIMER_RATE_HZ;
	deadline = timer_now() + period;
	timer_arm(deadline);
	for (unsigned int second = 1;; second++) {
		struct latency_stats s;

		while (window.samples < TIMER_RATE_HZ)
			irq_enable_and_wait();
		s = take_window();
		merge(&all, &s);
		print_stats(second, &s, &all);
	}
}
