/* SPDX-License-Identifier: GPL-2.0 */
/* The tick's delivery latency (tick_latency.c), in counter ticks. */
#ifndef FREERTOS_TICK_LATENCY_H
#define FREERTOS_TICK_LATENCY_H

#include <inmate/types.h>

struct tick_latency {
	u64 n, min, mode, p99, max;
};

void tick_latency_record(u64 ticks);
void tick_latency_summary(struct tick_latency *out);

#endif
