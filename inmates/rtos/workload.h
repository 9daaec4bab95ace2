/* SPDX-License-Identifier: GPL-2.0 */
/* The synthetic job body every task runs (workload.c). */
#ifndef INMATES_RTOS_WORKLOAD_H
#define INMATES_RTOS_WORKLOAD_H

struct rt_task;

/* Entry of every job, on the task's own stack; ends with a system call. */
void __attribute__((noreturn)) workload_job(struct rt_task *t);

#endif
