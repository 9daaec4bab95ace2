// SPDX-License-Identifier: GPL-2.0
/*
 * selftest: checks the library on the machine it runs on: formatting,
 * memory helpers, counter and delay, the timer PPI, an SGI to itself and
 * (bare metal only: a cell does not own the RTC) an SPI from the PL031.
 * Ends with "selftest: PASS" or "selftest: FAIL", then halts.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/string.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define TEST_SGI 3
#define RTC_DR 0x00
#define RTC_MR 0x04
#define RTC_IMSC 0x10
#define RTC_ICR 0x1c

static unsigned int checks, failures;
static volatile unsigned int hits[GIC_MAX_IRQS];
static volatile u64 last_entry_ticks;

static void check(bool ok, const char *what)
{
	checks++;
	if (ok)
		return;
	failures++;
	printf("selftest: FAIL %s\n", what);
}

static void check_format(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08lx|%s|%c|%p", -42, 7u, 0xabu,
		 0x1234ul, "ok", 'z', (void *)0x40000000ul);
	check(!strcmp(buf, "-42|    7|ab  |00001234|ok|z|0x40000000"),
	      "printf formats");
	check(snprintf(buf, 4, "%s", "truncate") == 8 && !strcmp(buf, "tru"),
	      "snprintf truncates");
}

/* Unaligned heads and tails: the MMU is off, so a wrong wide access
 * would fault rather than just be slow. */
static void check_memory(void)
{
	static u8 a[64], b[64];

	memset(a + 3, 0x5a, 29);
	check(a[2] == 0 && a[3] == 0x5a && a[31] == 0x5a && a[32] == 0,
	      "memset unaligned");
	for (unsigned int i = 0; i < sizeof(a); i++)
		a[i] = (u8)i;
	memcpy(b + 1, a + 5, 40);
	check(!memcmp(b + 1, a + 5, 40) && b[0] == 0, "memcpy unaligned");
	memmove(a + 2, a, 20);
	check(a[2] == 0 && a[21] == 19, "memmove overlapping");
}

static void check_counter(void)
{
	u64 start = timer_now();
	u64 elapsed;

	check(timer_frequency() != 0, "CNTFRQ_EL0 set");
	inmate_sleep_ns(10 * 1000 * 1000);
	elapsed = timer_ticks_to_ns(timer_now() - start);
	check(elapsed >= 10 * 1000 * 1000, "sleep lasts at least 10 ms");
	check(elapsed < 500 * 1000 * 1000, "sleep of 10 ms ends");
}

static void count_irq(unsigned int intid, u64 entry_ticks)
{
	hits[intid]++;
	last_entry_ticks = entry_ticks;
	if (intid == PLATFORM_VTIMER_IRQ)
		timer_disarm();
	if (intid == PLATFORM_RTC_IRQ)
		mmio_write32(PLATFORM_RTC_BASE + RTC_ICR, 1);
}

/* Polls with IRQs enabled; the deadline keeps a lost IRQ from hanging. */
static bool wait_for_hit(unsigned int intid, u64 timeout_ns)
{
	u64 end = timer_now() + timer_ns_to_ticks(timeout_ns);

	while (!hits[intid] && (s64)(timer_now() - end) < 0)
		cpu_relax();
	return hits[intid] != 0;
}

static void check_timer_irq(void)
{
	u64 deadline = timer_now() + timer_ns_to_ticks(1000 * 1000);

	check(!irq_request(PLATFORM_VTIMER_IRQ, count_irq), "request PPI 27");
	timer_arm(deadline);
	check(wait_for_hit(PLATFORM_VTIMER_IRQ, NS_PER_SEC), "timer IRQ");
	check(hits[PLATFORM_VTIMER_IRQ] == 1, "timer IRQ exactly once");
	check(last_entry_ticks >= deadline, "timer IRQ not early");
}

static void check_sgi(void)
{
	check(!irq_request(TEST_SGI, count_irq), "request SGI");
	gic_send_sgi_self(TEST_SGI);
	check(wait_for_hit(TEST_SGI, NS_PER_SEC / 10), "SGI to self");
}

/* The PL031 counts seconds: a match one second ahead fires within 2 s. */
static void check_spi(void)
{
	uintptr_t rtc = PLATFORM_RTC_BASE;

	check(!irq_request(PLATFORM_RTC_IRQ, count_irq), "request SPI 34");
	mmio_write32(rtc + RTC_MR, mmio_read32(rtc + RTC_DR) + 1);
	mmio_write32(rtc + RTC_IMSC, 1);
	check(wait_for_hit(PLATFORM_RTC_IRQ, 3 * NS_PER_SEC), "PL031 SPI");
	mmio_write32(rtc + RTC_IMSC, 0);
}

void inmate_main(void)
{
	int err;

	printf("\nselftest: start (%s)\n",
	       inmate_under_warden() ? "Warden cell" : "bare metal");
	check_format();
	check_memory();
	check_counter();
	err = gic_init();
	check(!err, "gic_init");
	printf("selftest: GICv%d\n", gic_version());
	if (!err) {
		irq_enable();
		check_timer_irq();
		check_sgi();
		if (!inmate_under_warden())
			check_spi();
		check(irq_unexpected_count() == 0, "no unexpected IRQs");
	}
	printf("selftest: %s (%u checks, %u failed)\n",
	       failures ? "FAIL" : "PASS", checks, failures);
}
