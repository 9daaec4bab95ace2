// SPDX-License-Identifier: GPL-2.0
/*
 * freertos-demo's statistics block and execution-time accounting
 * (demo_stats.h). The block's format and its sequence protocol are those
 * of include/warden/rtos.h, written with include/warden/rtos_stats.h (as
 * inmates/rtos and the ChibiOS BSP do): the root reads the page from
 * another CPU while this one runs.
 *
 * Writers: the demo's tasks, each update with IRQs masked (one CPU: no
 * other writer can interleave, and the switch hook below, which runs in
 * the port's IRQ and SVC handlers, cannot run meanwhile).
 */
#include <inmate/string.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>
#include <warden/rtos_stats.h>

#include "bsp.h"
#include "demo_stats.h"

static struct wd_rt_stats local_block; /* bare metal: no comm page */
static struct wd_rt_stats *block = &local_block;

/* Execution-time accounting, updated by the switch hook. */
static TaskHandle_t tracked[WD_RT_MAX_TASKS];
static u64 executed[WD_RT_MAX_TASKS];
static TaskHandle_t running;
static u64 running_since;
static u64 idle_ticks;
static u64 switches;

void demo_stats_init(uintptr_t comm_region, const struct wd_rt_taskset *set,
		     u32 verdict)
{
	if (comm_region)
		block = (struct wd_rt_stats *)(comm_region +
					       WD_RT_STATS_OFFSET);
	wd_rt_stats_fill(block, set, verdict, timer_frequency());
}

void demo_stats_track(unsigned int index, TaskHandle_t task)
{
	tracked[index] = task;
}

static void charge(TaskHandle_t task, u64 from, u64 to)
{
	if (task == xTaskGetIdleTaskHandle()) {
		/* idle before the first release is not the block's */
		if (block->start && to > block->start)
			idle_ticks += to - (from > block->start ? from
								: block->start);
		return;
	}
	for (unsigned int i = 0; i < WD_RT_MAX_TASKS; i++)
		if (tracked[i] && tracked[i] == task)
			executed[i] += to - from;
}

/* bsp_switch_hook: FreeRTOS chose the task that runs next. */
static void switched_in(void)
{
	TaskHandle_t next = xTaskGetCurrentTaskHandle();
	u64 now = timer_now();

	if (running)
		charge(running, running_since, now);
	if (next != running)
		switches++;
	running = next;
	running_since = now;
}

u64 demo_executed(unsigned int index)
{
	u64 ticks;

	irq_disable();
	ticks = executed[index];
	if (running == tracked[index])
		ticks += timer_now() - running_since;
	irq_enable();
	return ticks;
}

static void update_begin(void)
{
	irq_disable();
	wd_rt_stats_begin(block);
	block->now = timer_now();
	block->idle = idle_ticks;
	block->switches = switches;
	block->worst_irq_latency = bsp_tick_worst_latency();
}

static void update_end(void)
{
	wd_rt_stats_end(block);
	irq_enable();
}

/* Before the scheduler starts: nothing else runs yet. */
void demo_stats_start(u64 start)
{
	bsp_switch_hook = switched_in;
	wd_rt_stats_publish(block, start);
}

void demo_job_released(unsigned int index)
{
	update_begin();
	block->task[index].released++;
	update_end();
}

void demo_job_done(unsigned int index, bool overrun, u64 response, u64 deadline)
{
	struct wd_rt_task_stats *t = &block->task[index];

	update_begin();
	if (overrun) {
		t->overruns++;
	} else {
		t->completed++;
		if (response > t->worst_response)
			t->worst_response = response;
	}
	if (response > deadline)
		t->deadline_misses++;
	update_end();
}

void demo_job_abandoned(unsigned int index)
{
	update_begin();
	block->task[index].released++;
	block->task[index].deadline_misses++;
	update_end();
}

void demo_stats_snapshot(struct wd_rt_stats *copy)
{
	update_begin();
	memcpy(copy, block, sizeof(*copy));
	update_end();
}
