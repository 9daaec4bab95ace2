// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's message table (lib/config_text/): every violation code
 * has a text, each text needs no more values than a violation carries,
 * and the formatter stays inside its buffer and its values whatever it
 * is given. The texts themselves are compared by tests/unit/messages.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <config_text.h>

#define WDC_TEST_STR(s) ((wd_u64)(unsigned long)(s))

static unsigned int conversions(const char *fmt)
{
	unsigned int n = 0;

	for (; *fmt; fmt++)
		n += fmt[0] == '%';
	return n;
}

static void every_code_has_a_message(void **state)
{
	const char *fmt;
	unsigned int code;

	(void)state;
	for (code = 0; code < WDV_NUM_CODES; code++) {
		fmt = wd_violation_format(code);
		assert_non_null(fmt);
		assert_true(fmt[0] != '\0');
		assert_true(conversions(fmt) <= WD_VIOLATION_ARGS);
	}
	assert_null(wd_violation_format(WDV_NUM_CODES));
}

static void formats_values(void **state)
{
	const wd_u64 arg[] = {WDC_TEST_STR("phys_start"), 0x1234};
	struct wd_violation v = {0, "mem", 0, WDV_START_UNALIGNED, 2, arg};
	char buf[WD_VIOLATION_TEXT_MAX];

	(void)state;
	wd_violation_text(buf, sizeof(buf), &v);
	assert_string_equal(buf, "phys_start 0x1234 is not 4 KiB aligned");
}

/* Fewer values than the text shows: the rest read as 0 or "?". */
static void missing_values_are_not_read(void **state)
{
	const wd_u64 arg[1] = {0};
	struct wd_violation v = {0, "mem", 0, WDV_START_UNALIGNED, 0, arg};
	char buf[WD_VIOLATION_TEXT_MAX];

	(void)state;
	wd_violation_text(buf, sizeof(buf), &v);
	assert_string_equal(buf, "? 0x0 is not 4 KiB aligned");
}

static void unknown_code_and_small_buffer(void **state)
{
	struct wd_violation v = {0, "mem", 0, WDV_NUM_CODES + 7, 0, NULL};
	char buf[WD_VIOLATION_TEXT_MAX], small[8];

	(void)state;
	wd_violation_text(buf, sizeof(buf), &v);
	assert_string_equal(buf, "violation 115");
	v.code = WDV_NO_RAM;
	wd_violation_text(small, sizeof(small), &v);
	assert_string_equal(small, "no RAM ");
	wd_violation_text(small, 0, &v); /* writes nothing */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_code_has_a_message),
		cmocka_unit_test(formats_values),
		cmocka_unit_test(missing_values_are_not_read),
		cmocka_unit_test(unknown_code_and_small_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
