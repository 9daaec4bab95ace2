/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * An RTOS tick's delivery latency (tick_latency.c), in counter ticks: the
 * FreeRTOS and ChibiOS BSPs record it, their idle images report it.
 * Freestanding C, built for AArch64 and AArch32 (inmates/aarch32).
 */
#ifndef INMATE_TICK_LATENCY_H
#define INMATE_TICK_LATENCY_H

#include <inmate/types.h>

struct tick_latency {
	u64 n, min, mode, p99, max;
};

void tick_latency_record(u64 ticks);
void tick_latency_summary(struct tick_latency *out);

#endif
