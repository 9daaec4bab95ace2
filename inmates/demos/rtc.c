// SPDX-License-Identifier: GPL-2.0
/*
 * rtc: drives the PL031 real-time clock a cell was given (cells/arm64/
 * rtc.c: its registers and SPI 34). Reads the time, then three times sets
 * the alarm two seconds ahead and waits for its interrupt; prints
 * "rtc: PASS" or "rtc: FAIL", then prints the time every two seconds,
 * forever. Bare metal it does the same with the machine's PL031.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define RTC_DR 0x00 /* seconds since the epoch */
#define RTC_MR 0x04 /* match: the alarm */
#define RTC_IMSC 0x10 /* interrupt mask: 1 = enabled */
#define RTC_ICR 0x1c /* interrupt clear */
#define ALARMS 3
#define ALARM_AHEAD 2 /* seconds */

static volatile unsigned int alarms;
static volatile u32 alarm_time;

static u32 rtc_read(unsigned int reg)
{
	return mmio_read32(PLATFORM_RTC_BASE + reg);
}

static void rtc_write(unsigned int reg, u32 value)
{
	mmio_write32(PLATFORM_RTC_BASE + reg, value);
}

static void on_alarm(unsigned int intid, u64 entry_ticks)
{
	(void)intid, (void)entry_ticks;
	rtc_write(RTC_ICR, 1);
	alarm_time = rtc_read(RTC_DR);
	alarms++;
}

/* The alarm fires within ALARM_AHEAD + 1 seconds; twice that is lost. */
static bool wait_alarm(unsigned int n)
{
	u64 end = timer_now() + 2 * (ALARM_AHEAD + 1) * timer_frequency();

	while (alarms < n && (s64)(timer_now() - end) < 0)
		cpu_relax();
	return alarms >= n;
}

static bool alarm_once(unsigned int n)
{
	u32 match = rtc_read(RTC_DR) + ALARM_AHEAD;

	rtc_write(RTC_MR, match);
	if (!wait_alarm(n)) {
		printf("rtc: FAIL alarm %u for %u did not fire\n", n, match);
		return false;
	}
	printf("rtc: alarm %u fired at %u (set for %u)\n", n, alarm_time,
	       match);
	return true;
}

static bool run_alarms(void)
{
	unsigned int n;

	if (irq_request(PLATFORM_RTC_IRQ, on_alarm)) {
		printf("rtc: FAIL cannot request SPI %u\n", PLATFORM_RTC_IRQ);
		return false;
	}
	rtc_write(RTC_IMSC, 1);
	for (n = 1; n <= ALARMS; n++)
		if (!alarm_once(n))
			return false;
	rtc_write(RTC_IMSC, 0);
	return true;
}

void inmate_main(void)
{
	bool ok;

	printf("\nrtc: PL031 at 0x%lx, time %u\n", PLATFORM_RTC_BASE,
	       rtc_read(RTC_DR));
	ok = !gic_init();
	if (ok) {
		irq_enable();
		ok = run_alarms();
	}
	printf("rtc: %s (%u alarms)\n", ok ? "PASS" : "FAIL", alarms);
	for (;;) {
		inmate_sleep_ns(2 * NS_PER_SEC);
		printf("rtc: time %u\n", rtc_read(RTC_DR));
	}
}
