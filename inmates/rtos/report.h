/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The periodic console report: a snapshot of the statistics block taken
 * by the scheduler every RT_REPORT_PERIOD_NS of virtual time and printed
 * by the idle loop, so printing never delays a job. If the processor had
 * no idle time for half a period after the snapshot (an overload), the
 * scheduler prints it itself, delaying the jobs, and the table says so.
 */
#ifndef INMATES_RTOS_REPORT_H
#define INMATES_RTOS_REPORT_H

#include <inmate/types.h>

#define RT_REPORT_PERIOD_NS 1000000000ull

void report_init(u64 start);
/* When the report needs the scheduler next: snapshot or forced print. */
u64 report_next(void);
/* Scheduler, IRQs masked: takes the snapshot if it is due. */
void report_tick(u64 now);
/* A snapshot waits to be printed. */
bool report_pending(void);
/* Idle loop, IRQs enabled: prints a snapshot not printed yet. */
void report_print_pending(void);

#endif
