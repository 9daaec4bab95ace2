// SPDX-License-Identifier: GPL-2.0
/*
 * timer: interrupt latency. The virtual timer fires at TIMER_RATE_HZ; for
 * each IRQ the latency is the counter value read first thing in the IRQ
 * vector minus the deadline that was programmed, in counter ticks. Once
 * a second the main loop prints min/avg/max of the last second's samples
 * (printing per sample would disturb what is measured: each console write
 * is an MMIO access or a hypercall).
 *
 * Between IRQs the CPU idles in WFI; built with TIMER_BUSY_WAIT (the
 * timer-busy binary) it spins instead, which keeps a hypervisor's WFI trap
 * handling out of the measured path.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define TIMER_RATE_HZ 1000

struct latency_stats {
	u64 samples;
	s64 sum;
	s64 min;
	s64 max;
};

static u64 period;
static u64 deadline;
static u64 missed; /* periods skipped because the handler ran too late */
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

static void on_timer(unsigned int intid, u64 entry_ticks)
{
	(void)intid;
	stats_add(&window, (s64)(entry_ticks - deadline));
	deadline += period;
	/* Never program a deadline that has passed: that IRQ would not be
	 * a sample of delivery latency but of this backlog. */
	while ((s64)(timer_now() - deadline) >= 0) {
		deadline += period;
		missed++;
	}
	timer_arm(deadline);
}

/* Copies and resets the window with IRQs masked so no sample is torn. */
static struct latency_stats take_window(void)
{
	struct latency_stats s;

	irq_disable();
	s = window;
	window.samples = 0;
	window.sum = 0; /* min and max restart with the first sample */
	irq_enable();
	return s;
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

static void merge(struct latency_stats *all, const struct latency_stats *s)
{
	if (!all->samples || s->min < all->min)
		all->min = s->min;
	if (!all->samples || s->max > all->max)
		all->max = s->max;
	all->sum += s->sum;
	all->samples += s->samples;
}

#ifdef TIMER_BUSY_WAIT
#define IDLE_HOW "a busy loop"
static void idle(void)
{
	cpu_relax();
}
#else
#define IDLE_HOW "WFI"
static void idle(void)
{
	wait_for_interrupt();
}
#endif

static int start_timer(void)
{
	int err = gic_init();

	if (!err)
		err = irq_request(PLATFORM_VTIMER_IRQ, on_timer);
	if (err)
		return err;
	period = timer_frequency() / TIMER_RATE_HZ;
	deadline = timer_now() + period;
	timer_arm(deadline);
	return 0;
}

void inmate_main(void)
{
	struct latency_stats all = {0};
	int err;

	printf("\ntimer: latency of a %u Hz virtual timer IRQ (PPI %u), "
	       "idle in " IDLE_HOW "\n",
	       TIMER_RATE_HZ, PLATFORM_VTIMER_IRQ);
	err = start_timer();
	if (err) {
		printf("timer: GIC/IRQ set-up failed (%d)\n", err);
		return;
	}
	printf("timer: GICv%d, console %s, counter %lu Hz (%lu ns/tick)\n",
	       gic_version(), console_name(), timer_frequency(),
	       timer_ticks_to_ns(1));
	irq_enable();
	for (unsigned int second = 1;; second++) {
		struct latency_stats s;

		while (window.samples < TIMER_RATE_HZ)
			idle();
		s = take_window();
		merge(&all, &s);
		print_stats(second, &s, &all);
	}
}
