// SPDX-License-Identifier: GPL-2.0
/*
 * timer.h on x86: the TSC is the clock (timer_now), the local APIC timer
 * in one-shot mode fires at a TSC deadline (QEMU 7.2 TCG offers no
 * TSC-deadline mode, so timer_arm converts the distance to APIC counts).
 * The TSC rate comes from the PIT bare metal, from Warden in a cell
 * (WD_INFO_COUNTER_HZ: a cell owns no timer to measure it against); the
 * APIC timer's rate is measured against the TSC.
 */
#include <inmate/boot.h>
#include <inmate/errno.h>
#include <inmate/hypercall.h>
#include <inmate/io.h>
#include <inmate/lapic.h>
#include <inmate/platform.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define PIT_HZ 1193182u
#define PIT_CH2 0x42
#define PIT_MODE 0x43
#define PIT_CH2_ONESHOT 0xb0 /* channel 2, lobyte/hibyte, mode 0 */
#define PORT_B 0x61
#define PORT_B_GATE2 0x01
#define PORT_B_SPEAKER 0x02
#define PORT_B_OUT2 0x20
#define CALIBRATE_HZ 100 /* 10 ms windows */

static u64 tsc_hz;
static u64 lapic_hz;
static u64 lapic_per_tsc_32; /* lapic_hz / tsc_hz, 32 fraction bits */
static u32 lvt_written; /* the LVT timer as last written; 0: unknown */

/* Counts down 10 ms on PIT channel 2 (gate on, speaker off). */
static u64 tsc_from_pit(void)
{
	u16 count = PIT_HZ / CALIBRATE_HZ;
	u64 start;

	outb(PORT_B, (inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2);
	outb(PIT_MODE, PIT_CH2_ONESHOT);
	outb(PIT_CH2, (u8)count);
	outb(PIT_CH2, (u8)(count >> 8));
	start = read_tsc();
	while (!(inb(PORT_B) & PORT_B_OUT2))
		cpu_relax();
	return (read_tsc() - start) * PIT_HZ / count;
}

int timer_tsc_calibrate(void)
{
	long hz;

	if (inmate_under_warden()) {
		hz = hypercall(WD_HC_GET_INFO, WD_INFO_COUNTER_HZ, 0, 0);
		tsc_hz = hz > 0 ? (u64)hz : 0;
	} else {
		tsc_hz = tsc_from_pit();
	}
	return tsc_hz ? 0 : -ENODEV;
}

/* In a cell each APIC write is an exit: skip the LVT's when unchanged. */
static void set_lvt(u32 value)
{
	if (value == lvt_written)
		return;
	lapic_write(LAPIC_LVT_TIMER, value);
	lvt_written = value;
}

/* APIC counts in CALIBRATE_HZ's window of TSC time. */
int timer_lapic_calibrate(void)
{
	u64 start, end;
	u32 left;

	if (!tsc_hz)
		return -ENODEV;
	set_lvt(LAPIC_LVT_MASKED);
	lapic_write(LAPIC_TIMER_DIVIDE, LAPIC_DIVIDE_1);
	lapic_write(LAPIC_TIMER_INITIAL, UINT32_MAX);
	start = read_tsc();
	while (read_tsc() - start < tsc_hz / CALIBRATE_HZ)
		cpu_relax();
	left = lapic_read(LAPIC_TIMER_CURRENT);
	end = read_tsc();
	lapic_write(LAPIC_TIMER_INITIAL, 0);
	lapic_hz = (u64)(UINT32_MAX - left) * tsc_hz / (end - start);
	lapic_per_tsc_32 = (lapic_hz << 32) / tsc_hz;
	return lapic_hz ? 0 : -ENODEV;
}

u64 timer_frequency(void)
{
	return tsc_hz;
}

u64 timer_now(void)
{
	return read_tsc();
}

/* Split at whole seconds so that the products cannot overflow 64 bits. */
static u64 scale(u64 v, u64 to, u64 from)
{
	return v / from * to + (v % from * to + from - 1) / from;
}

u64 timer_ns_to_ticks(u64 ns)
{
	return scale(ns, tsc_hz, NS_PER_SEC);
}

u64 timer_ticks_to_ns(u64 ticks)
{
	return scale(ticks, NS_PER_SEC, tsc_hz);
}

/* APIC counts for a distance in TSC ticks: one multiply for the short
 * distances of a timer tick (what the latency samples wait for). */
static u64 tsc_to_lapic(u64 ticks)
{
	if (ticks < BIT(31))
		return (ticks * lapic_per_tsc_32 >> 32) + 1;
	return scale(ticks, lapic_hz, tsc_hz);
}

/*
 * Rounded up, at least 1 (0 stops the timer): never before deadline.
 * The TSC is read as late as possible: the instructions between it and
 * the write of the count delay the IRQ past the deadline.
 */
void timer_arm(u64 deadline)
{
	s64 left;
	u64 count;

	set_lvt(PLATFORM_TIMER_VECTOR);
	left = (s64)(deadline - timer_now());
	count = left > 0 ? tsc_to_lapic((u64)left) : 1;
	lapic_write(LAPIC_TIMER_INITIAL,
		    count > UINT32_MAX ? UINT32_MAX : (u32)count);
}

void timer_disarm(void)
{
	set_lvt(LAPIC_LVT_MASKED | PLATFORM_TIMER_VECTOR);
	lapic_write(LAPIC_TIMER_INITIAL, 0);
}

u64 timer_lapic_frequency(void)
{
	return lapic_hz;
}
