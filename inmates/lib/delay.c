// SPDX-License-Identifier: GPL-2.0
/*
 * Busy-wait delays on the virtual counter. Polling keeps the timer and
 * the GIC free for the program; `yield` in the loop lets an emulator run
 * other vCPUs (under QEMU icount a tight loop can starve them) and never
 * traps to Warden.
 */
#include <inmate/sysreg.h>
#include <inmate/timer.h>

void inmate_sleep_until(u64 deadline)
{
	while ((s64)(timer_now() - deadline) < 0)
		cpu_relax();
}

void inmate_sleep_ns(u64 ns)
{
	inmate_sleep_until(timer_now() + timer_ns_to_ticks(ns));
}
