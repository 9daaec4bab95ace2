// SPDX-License-Identifier: GPL-2.0
/*
 * freertos-demo: the cell config's real-time task set (Warden copies it
 * into the comm page, include/warden/rtos.h) as FreeRTOS tasks. Each task
 * is a loop of jobs released by xTaskDelayUntil; the statistics (jobs,
 * misses, overruns, worst response) go into the comm page's block, which
 * `warden cell stats` prints, and a report task prints them every second.
 *
 * FreeRTOS schedules by fixed priority, so the set must be a rate
 * monotonic one (WD_RT_RM): the priorities follow rt_rm_higher(), the
 * order `warden config check` analysed. An EDF set is refused. Bare metal
 * (or a cell without a set) the built-in RM set of rt_taskset.h runs.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/printf.h>
#include <inmate/string.h>
#include <inmate/timer.h>
#include <warden/comm.h>
#include <warden/rt_taskset.h>

#include <rt_analysis.h>

#include "FreeRTOS.h"
#include "task.h"
#include "bsp.h"
#include "demo.h"
#include "demo_stats.h"

#define REPORT_PRIORITY (tskIDLE_PRIORITY + 1)
#define TASK_PRIORITY_BASE (tskIDLE_PRIORITY + 2)

static const struct wd_rt_taskset builtin = RT_TASKSET_RM_INIT;
/* A private copy: the analysis and the tasks read it more than once. */
static struct wd_rt_taskset set;
static struct demo_task tasks[WD_RT_MAX_TASKS];

static const struct wd_rt_taskset *comm_taskset(void)
{
	const struct wd_rt_taskset *ts;

	if (!inmate_comm_region)
		return NULL;
	ts = (const void *)(inmate_comm_region + WD_COMM_RT_TASKSET_OFFSET);
	return ts->magic == WD_RT_TASKSET_MAGIC ? ts : NULL;
}

/* RM rank: 0 for the highest priority (rt_rm_higher(), the analysis'). */
static unsigned int rm_rank(unsigned int i)
{
	unsigned int rank = 0;

	for (unsigned int j = 0; j < set.count; j++)
		rank += j != i && rt_rm_higher(&set, j, i);
	return rank;
}

/* Periods are whole ticks: releases are FreeRTOS tick instants. */
static bool periods_fit_tick(void)
{
	for (unsigned int i = 0; i < set.count; i++) {
		if (set.task[i].period_us % (1000000 / configTICK_RATE_HZ)) {
			printf("freertos-demo: task %s: period %llu us is not "
			       "a whole number of %u Hz ticks\n",
			       set.task[i].name, set.task[i].period_us,
			       configTICK_RATE_HZ);
			return false;
		}
	}
	return true;
}

static bool analyse(struct rt_analysis *a)
{
	if (rt_analyse(&set, a) == WD_RT_INVALID) {
		printf("freertos-demo: task set invalid: %s\n", a->reason);
		return false;
	}
	if (set.policy != WD_RT_RM) {
		printf("freertos-demo: FreeRTOS schedules by fixed priority: "
		       "the task set must be RM (WD_RT_RM), not EDF\n");
		return false;
	}
	printf("freertos-demo: RM, %u tasks, U %u.%03u, analysis: %s%s%s\n",
	       set.count, a->utilisation_permille / 1000,
	       a->utilisation_permille % 1000,
	       a->verdict == WD_RT_FEASIBLE ? "feasible" : "NOT feasible",
	       a->reason[0] ? ": " : "", a->reason);
	return periods_fit_tick();
}

static bool create_tasks(void)
{
	for (unsigned int i = 0; i < set.count; i++) {
		struct demo_task *t = &tasks[i];
		TaskHandle_t handle;

		t->index = i;
		t->cfg = &set.task[i];
		t->first_release = DEMO_FIRST_RELEASE_TICKS;
		t->priority = TASK_PRIORITY_BASE + set.count - 1 - rm_rank(i);
		if (xTaskCreate(demo_task_run, t->cfg->name,
				configMINIMAL_STACK_SIZE, t, t->priority,
				&handle) != pdPASS)
			return false;
		demo_stats_track(i, handle);
		printf("freertos-demo:   %-15s T %6llu us D %6llu us C %6llu "
		       "us "
		       "exec %6llu us overrun-every %u priority %u\n",
		       t->cfg->name, t->cfg->period_us, t->cfg->deadline_us,
		       t->cfg->wcet_us, t->cfg->exec_us, t->cfg->overrun_every,
		       (unsigned int)t->priority);
	}
	return xTaskCreate(demo_report_task, "report",
			   configMINIMAL_STACK_SIZE * 2, NULL, REPORT_PRIORITY,
			   NULL) == pdPASS;
}

void inmate_main(void)
{
	const struct wd_rt_taskset *from_comm = comm_taskset();
	struct rt_analysis analysis;

	memcpy(&set, from_comm ? from_comm : &builtin, sizeof(set));
	printf("freertos-demo: FreeRTOS %s, port %s, console %s, %s\n",
	       tskKERNEL_VERSION_NUMBER, bsp_port_name(), console_name(),
	       from_comm ? "the task set of the cell config"
			 : "the built-in RM task set");
	if (!analyse(&analysis) || !bsp_init())
		return;
	demo_stats_init(inmate_comm_region, &set, analysis.verdict);
	if (!create_tasks()) {
		printf("freertos-demo: task creation failed\n");
		return;
	}
	/* The tick starts at 0 with the scheduler (bsp_setup_tick). */
	printf("freertos-demo: first release at tick %u, scheduler starting\n",
	       DEMO_FIRST_RELEASE_TICKS);
	vTaskStartScheduler();
	printf("freertos-demo: scheduler returned\n");
}

/* configUSE_TICK_HOOK (the test image's): nothing to do per tick here. */
void vApplicationTickHook(void)
{
}
