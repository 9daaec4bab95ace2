// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * An RTOS tick's delivery latency as its tick handler sees it: counter at
 * the handler minus the deadline the tick was armed for (the BSPs,
 * inmates/freertos/tick.c and inmates/chibios/bsp.c, record only
 * deadlines armed ahead), in a histogram of one counter tick per bucket,
 * so min, mode and percentiles are exact; the rare later ones count in
 * the last bucket and in `max`.
 */
#include <inmate/tick_latency.h>

#define BUCKETS 4096

static u32 hist[BUCKETS];
static u64 samples;
static u64 max_seen;

void tick_latency_record(u64 ticks)
{
	hist[ticks < BUCKETS ? ticks : BUCKETS - 1]++;
	samples++;
	if (ticks > max_seen)
		max_seen = ticks;
}

/* The first bucket at which `permille` of the samples are counted. */
static u64 percentile(u64 permille)
{
	u64 want = (samples * permille + 999) / 1000, seen = 0;

	for (u64 i = 0; i < BUCKETS; i++) {
		seen += hist[i];
		if (seen >= want)
			return i;
	}
	return max_seen;
}

/* Called from a task: a tick may add a sample meanwhile (off by one). */
void tick_latency_summary(struct tick_latency *out)
{
	u64 mode = 0;

	for (u64 i = 1; i < BUCKETS - 1; i++)
		if (hist[i] > hist[mode])
			mode = i;
	out->n = samples;
	out->min = 0;
	out->mode = mode;
	out->p99 = percentile(990);
	out->max = max_seen;
	for (u64 i = 0; samples && i < BUCKETS; i++) {
		if (hist[i]) {
			out->min = i;
			break;
		}
	}
}
