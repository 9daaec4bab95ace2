// SPDX-License-Identifier: GPL-2.0
/*
 * The RTOS inmate: prints its task set and the schedulability verdict,
 * runs the set (even an infeasible one: that is how misses are shown),
 * and becomes the idle loop, which prints the statistics report.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include <rt_analysis.h>
#include <rtos_arch.h>
#include "report.h"
#include "sched.h"
#include "stats.h"
#include "taskset.h"

/* Lets the banner reach the console before the first job runs. */
#define FIRST_RELEASE_DELAY_NS 1000000ull

static const char *policy_name(u32 policy)
{
	return policy == WD_RT_EDF ? "EDF" : "RM";
}

static void print_tasks(const struct wd_rt_taskset *set)
{
	printf("rtos:   %-15s %9s %9s %9s %9s %s\n", "task", "period-us",
	       "deadl-us", "wcet-us", "exec-us", "overrun-every");
	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *t = &set->task[i];

		printf("rtos:   %-15s %9llu %9llu %9llu %9llu %u\n", t->name,
		       t->period_us, t->deadline_us, t->wcet_us, t->exec_us,
		       t->overrun_every);
	}
}

static void print_responses(const struct wd_rt_taskset *set,
			    const struct rt_analysis *a)
{
	printf("rtos: RM: Liu & Layland bound for %u tasks %u.%03u; "
	       "response times (us):",
	       set->count, rt_ll_bound_permille(set->count) / 1000,
	       rt_ll_bound_permille(set->count) % 1000);
	for (unsigned int i = 0; i < set->count; i++)
		printf(" %s %llu", set->task[i].name, a->response_us[i]);
	printf("\n");
}

static void print_analysis(const struct wd_rt_taskset *set,
			   const struct rt_analysis *a)
{
	static const char *const verdicts[] = {
		[WD_RT_FEASIBLE] = "feasible",
		[WD_RT_INFEASIBLE] = "INFEASIBLE",
		[WD_RT_UNDECIDED] = "UNDECIDED",
		[WD_RT_INVALID] = "INVALID",
	};

	printf("rtos: analysis: %s by %s, U %u.%03u%s%s\n",
	       verdicts[a->verdict], a->test, a->utilisation_permille / 1000,
	       a->utilisation_permille % 1000, a->reason[0] ? ": " : "",
	       a->reason);
	if (set->policy == WD_RT_RM && a->verdict == WD_RT_FEASIBLE)
		print_responses(set, a);
	if (a->verdict == WD_RT_INFEASIBLE || a->verdict == WD_RT_UNDECIDED)
		printf("rtos: running the set anyway: expect misses\n");
}

static void print_banner(const struct wd_rt_taskset *set)
{
	printf("\nrtos: %s, %s\n", policy_name(set->policy), taskset_purpose());
	printf("rtos: %s, console %s, counter %lu Hz\n",
	       inmate_under_warden() ? "in a Warden cell" : "bare metal",
	       console_name(), timer_frequency());
	print_tasks(set);
}

/* Hands the CPU to the scheduler; from here on this is the idle loop. */
static void start(const struct wd_rt_taskset *set)
{
	u64 first_release =
		timer_now() + timer_ns_to_ticks(FIRST_RELEASE_DELAY_NS);

	rtos_vectors_install();
	report_init(first_release);
	stats_start(first_release);
	sched_init(set, first_release);
	rtos_timer_irq_enable();
	irq_enable();
}

void inmate_main(void)
{
	const struct wd_rt_taskset *set = taskset_get();
	struct rt_analysis analysis;

	print_banner(set);
	if (rt_analyse(set, &analysis) == WD_RT_INVALID) {
		printf("rtos: task set invalid: %s\n", analysis.reason);
		return;
	}
	print_analysis(set, &analysis);
	if (rtos_irq_init()) {
		printf("rtos: " RTOS_IRQCHIP " set-up failed\n");
		return;
	}
	stats_init(rtos_comm_region(), set, analysis.verdict);
	rtos_print_irqchip();
	start(set);
	for (;;) {
		/* Masked check, then a sleep that no IRQ can slip past. */
		irq_disable();
		if (!report_pending())
			rtos_idle_masked();
		irq_enable();
		report_print_pending();
	}
}
