// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/ratelimit.c on the host: the per-(cell, cause) budgets of
 * what a cell makes Warden print, against the fake arch's counter
 * (1 GHz). printk() is captured below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <arch.h>
#include <arch/fake.h>
#include <wd/printk.h>
#include <wd/ratelimit.h>

#define FREQ 1000000000ull /* ticks per second: arch_counter_freq() */
#define US(n) ((n)*FREQ / 1000000)
#define fake_now fake_arch.counter

static char last[160];
static unsigned int printed;

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last, sizeof(last), fmt, ap);
	va_end(ap);
	printed++;
}

static struct ratelimit set[RL_CAUSES];

static int setup(void **state)
{
	(void)state;
	memset(set, 0, sizeof(set));
	fake_now = 1000 * FREQ;
	last[0] = '\0';
	printed = 0;
	return 0;
}

/* How many of n calls of cost, one every gap ticks, pass. */
static unsigned int passes(enum rl_cause cause, u32 cost, unsigned int n,
			   u64 gap)
{
	unsigned int ok = 0;

	while (n--) {
		ok += ratelimit(set, cause, cost, "x");
		fake_now += gap;
	}
	return ok;
}

/* 2048 bytes at once: twenty 100-byte lines, not twenty-one. */
static void console_burst(void **state)
{
	(void)state;
	assert_int_equal(passes(RL_CONSOLE, 100, 30, 0), 20);
	assert_int_equal(set[RL_CONSOLE].suppressed, 10);
	assert_int_equal(printed, 0); /* the caller prints, not ratelimit() */
}

/* A flood of 10 s lets the burst plus 4096 bytes a second through. */
static void console_sustained(void **state)
{
	unsigned int ok;

	(void)state;
	ok = passes(RL_CONSOLE, 128, 1000000, US(10)); /* 10 s, 10 us apart */
	assert_in_range(ok, (2048 + 40960) / 128 - 1, (2048 + 40960) / 128 + 1);
}

/* The count of dropped lines comes once, with the next one that passes. */
static void summary_once(void **state)
{
	(void)state;
	passes(RL_CONSOLE, 100, 25, 0); /* 20 pass, 5 dropped */
	fake_now += FREQ;
	assert_true(ratelimit(set, RL_CONSOLE, 100, "flood"));
	assert_string_equal(last, "cell 'flood': 5 console lines suppressed\n");
	assert_int_equal(printed, 1);
	assert_true(ratelimit(set, RL_CONSOLE, 100, "flood"));
	assert_int_equal(printed, 1);
}

/* Not more than one summary a second, however often lines get through. */
static void summary_at_most_once_a_second(void **state)
{
	(void)state;
	passes(RL_CONSOLE, 100, 25, 0);
	fake_now += FREQ;
	/* 2.5 s of flood, a line through every 25 ms: at 1 s, 2 s, 3 s */
	passes(RL_CONSOLE, 100, 250000, US(10));
	assert_int_equal(printed, 3);
}

/* A failed cell's pending counts come out at once, every cause. */
static void flush_reports_all(void **state)
{
	(void)state;
	assert_int_equal(passes(RL_VIRQ_FULL, 1, 100, 0), 3);
	ratelimit_flush(set, "demo2");
	assert_string_equal(last, "cell 'demo2': 97 'virtual IRQ queue full' "
				  "messages suppressed\n");
	ratelimit_flush(set, "demo2");
	assert_int_equal(printed, 1);
}

/* Causes have their own buckets: a console flood hides no fault. */
static void causes_independent(void **state)
{
	(void)state;
	passes(RL_CONSOLE, 100, 100, 0);
	assert_true(ratelimit(set, RL_REFUSED, 1, "root"));
	assert_true(ratelimit(set, RL_VIOLATION, 1, "root"));
}

/* The root's refusals: 16, then one every 10 s. */
static void refused_slow_refill(void **state)
{
	(void)state;
	assert_int_equal(passes(RL_REFUSED, 1, 100, 0), 16);
	fake_now += 9 * FREQ;
	assert_false(ratelimit(set, RL_REFUSED, 1, "root"));
	fake_now += FREQ;
	assert_true(ratelimit(set, RL_REFUSED, 1, "root"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(console_burst, setup),
		cmocka_unit_test_setup(console_sustained, setup),
		cmocka_unit_test_setup(summary_once, setup),
		cmocka_unit_test_setup(summary_at_most_once_a_second, setup),
		cmocka_unit_test_setup(flush_reports_all, setup),
		cmocka_unit_test_setup(causes_independent, setup),
		cmocka_unit_test_setup(refused_slow_refill, setup),
	};

	return cmocka_run_group_tests_name("ratelimit", tests, NULL, NULL);
}
