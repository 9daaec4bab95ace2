/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rate limits of what a cell makes Warden print, per cell and per cause,
 * so that no cell (the root included) can fill the console and the UART
 * time of the others. Each (cell, cause) is a token bucket; what does not
 * fit is dropped and counted, and the count is printed once ("cell 'X':
 * N ... suppressed") before the next message that gets through (at most
 * one summary a second), or when the cell fails. Documentation/hypervisor.md, "Console".
 */
#ifndef WD_RATELIMIT_H
#define WD_RATELIMIT_H

#include <wd/types.h>

enum rl_cause {
	RL_CONSOLE, /* WD_HC_CONSOLE_PUTC lines; cost: bytes */
	RL_VIRQ_FULL, /* virtual IRQ queue full */
	RL_REFUSED, /* the root's refused accesses (cell_fail()) */
	RL_VIOLATION, /* config checker messages of CELL_CREATE */
	RL_CAUSES
};

/* One bucket, lock-free: CPUs of one cell may share it. */
struct ratelimit {
	u64 tat; /* counter value at which the bucket is full again */
	u64 last_summary; /* counter */
	u32 suppressed; /* dropped since the last summary */
};

/*
 * set: a cell's RL_CAUSES buckets, name: the cell's, for the summary.
 * true: print it (after the summary of what was dropped, if any).
 * wd/cell.h wraps it as cell_ratelimit().
 */
bool ratelimit(struct ratelimit *set, enum rl_cause cause, u32 cost,
	       const char *name);
/* Prints the summaries still pending in set (its cell failed). */
void ratelimit_flush(struct ratelimit *set, const char *name);

#endif
