/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The EL1 virtual generic timer (CNTV_*, PPI 27), which Warden leaves to
 * the cell. Times are in counter ticks unless a name says _ns.
 */
#ifndef INMATE_TIMER_H
#define INMATE_TIMER_H

#include <inmate/types.h>

#define NS_PER_SEC 1000000000ull

u64 timer_frequency(void);
u64 timer_now(void);
u64 timer_ns_to_ticks(u64 ns);
u64 timer_ticks_to_ns(u64 ticks);
/* Fire the timer IRQ once the counter reaches deadline (absolute). */
void timer_arm(u64 deadline);
/* Leave the timer enabled but masked, so it stops asserting its IRQ. */
void timer_disarm(void);

/* Busy-wait; polls the counter, needs no interrupt. */
void inmate_sleep_ns(u64 ns);
void inmate_sleep_until(u64 deadline);

#endif
