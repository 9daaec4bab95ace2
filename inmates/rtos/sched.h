/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler: one processor, preemptive, EDF or rate monotonic, with
 * budget enforcement. It runs only on the way out of an exception (timer
 * IRQ or a job's system call, see switch.S), and answers which saved
 * context the exception returns to.
 */
#ifndef INMATES_RTOS_SCHED_H
#define INMATES_RTOS_SCHED_H

#include <inmate/exception.h>
#include <inmate/types.h>
#include <warden/rtos.h>

enum sched_reason {
	SCHED_TIMER, /* an event is due: release, budget end, report */
	SCHED_JOB_DONE, /* the running job's body returned */
};

/* Sets the tasks up; all of them are first released at first_release. */
void sched_init(const struct wd_rt_taskset *set, u64 first_release);
/* Accounts, handles due events, picks and returns the context to run. */
struct exception_frame *sched_switch(struct exception_frame *frame,
				     enum sched_reason why);
/* For the running job: its execution time so far, in ticks. */
u64 sched_executed(void);
/* For the running job: "my body is done" (a system call, never returns). */
void __attribute__((noreturn)) sched_job_done(void);

#endif
