/* SPDX-License-Identifier: GPL-2.0 */
/*
 * freertos-demo's statistics (demo_stats.c): the block of
 * include/warden/rtos.h in the comm page, so `warden cell stats` shows the
 * per-task table as for inmates/rtos, and each task's execution time,
 * accounted at every FreeRTOS context switch.
 */
#ifndef FREERTOS_DEMO_STATS_H
#define FREERTOS_DEMO_STATS_H

#include <inmate/types.h>
#include <warden/rtos.h>

#include "FreeRTOS.h"
#include "task.h"

/* comm_region: the boot ABI's address, 0 bare metal (block in .bss). */
void demo_stats_init(uintptr_t comm_region, const struct wd_rt_taskset *set,
		     u32 verdict);
/* Task `index` is `task`: its execution time is accounted from now on. */
void demo_stats_track(unsigned int index, TaskHandle_t task);
/* Publishes the block; start is the counter at the first release. */
void demo_stats_start(u64 start);

/* Counter ticks task `index` has executed, the running slice included. */
u64 demo_executed(unsigned int index);

void demo_job_released(unsigned int index);
/* A job's end: completed (or stopped by its budget), its response time. */
void demo_job_done(unsigned int index, bool overrun, u64 response,
		   u64 deadline);
/* A release skipped because its deadline had passed before it started. */
void demo_job_abandoned(unsigned int index);

/* A consistent copy of the block, for the console report. */
void demo_stats_snapshot(struct wd_rt_stats *copy);

#endif
