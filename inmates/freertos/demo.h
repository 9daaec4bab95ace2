/* SPDX-License-Identifier: GPL-2.0 */
/* freertos-demo (demo.c): one FreeRTOS task per task of the set. */
#ifndef FREERTOS_DEMO_H
#define FREERTOS_DEMO_H

#include <warden/rtos.h>

#include "FreeRTOS.h"

struct demo_task {
	unsigned int index; /* in the set and the statistics block */
	const struct wd_rt_task *cfg;
	TickType_t first_release; /* tick of the first job's release */
	UBaseType_t priority;
};

/* FreeRTOS task bodies: demo_task.c, demo_report.c. */
void demo_task_run(void *task);
void demo_report_task(void *arg);
/*
 * The tick all tasks are first released at: half a second after the
 * scheduler starts, so the banner is out and the root's command that
 * started the cell is over (under QEMU a busy root vCPU delays the cell).
 */
#define DEMO_FIRST_RELEASE_TICKS 500

#endif
