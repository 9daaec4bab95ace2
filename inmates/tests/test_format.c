// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the inmate printf engine (inmates/lib/format.c). For
 * the conversions both support, the host C library's snprintf is the
 * oracle; the engine's own rules (unknown conversions, %p) are checked
 * against fixed strings.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <inmate/format.h>

struct buf {
	char text[256];
	size_t used;
};

static void buf_sink(char c, void *ctx)
{
	struct buf *b = ctx;

	if (b->used + 1 < sizeof(b->text))
		b->text[b->used++] = c;
	b->text[b->used] = '\0';
}

/* Formats with the engine; returns its count, leaves the text in b. */
static int engine(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	memset(b, 0, sizeof(*b));
	va_start(ap, fmt);
	n = format_va(buf_sink, b, fmt, ap);
	va_end(ap);
	return n;
}

/* Same arguments through the engine and through libc: outputs must match. */
#define CHECK_LIKE_LIBC(fmt, ...)                                            \
	do {                                                                 \
		struct buf b;                                                \
		char want[256];                                              \
		int n = engine(&b, fmt, __VA_ARGS__);                        \
		int want_n = snprintf(want, sizeof(want), fmt, __VA_ARGS__); \
		assert_string_equal(b.text, want);                           \
		assert_int_equal(n, want_n);                                 \
	} while (0)

static void test_signed(void **state)
{
	(void)state;
	CHECK_LIKE_LIBC("%d %i", 0, -1);
	CHECK_LIKE_LIBC("%d|%d", INT_MAX, INT_MIN);
	CHECK_LIKE_LIBC("%ld|%ld", LONG_MAX, LONG_MIN);
	CHECK_LIKE_LIBC("%lld|%lld", LLONG_MAX, LLONG_MIN);
	CHECK_LIKE_LIBC("%hd|%hhd", (short)-300, (signed char)-5);
	CHECK_LIKE_LIBC("[%5d][%-5d][%05d]", -42, -42, -42);
	CHECK_LIKE_LIBC("[%05d][%2d]", 42, 12345);
}

static void test_unsigned(void **state)
{
	(void)state;
	CHECK_LIKE_LIBC("%u|%u", 0u, UINT_MAX);
	CHECK_LIKE_LIBC("%lu|%llu", ULONG_MAX, ULLONG_MAX);
	CHECK_LIKE_LIBC("%zu", (size_t)123456789);
	CHECK_LIKE_LIBC("%x|%X|%o", 0xdeadbeefu, 0xdeadbeefu, 0755u);
	CHECK_LIKE_LIBC("%lx|%016lx|%-8x|", 0x1234ul, 0xabcul, 0x1fu);
	CHECK_LIKE_LIBC("%llx", 0xfedcba9876543210ull);
	CHECK_LIKE_LIBC("%hx|%hhx", (unsigned short)0x12345,
			(unsigned char)0x1ff);
	CHECK_LIKE_LIBC("%08x", 0u);
}

static void test_text(void **state)
{
	(void)state;
	CHECK_LIKE_LIBC("%s|%c|%%", "abc", 'z');
	CHECK_LIKE_LIBC("[%6s][%-6s][%2s]", "ab", "ab", "abcd");
	CHECK_LIKE_LIBC("[%3c][%-3c]", 'x', 'y');
	CHECK_LIKE_LIBC("[%*d][%*d]", 6, 7, -6, 7);
	CHECK_LIKE_LIBC("%s", "");
}

static void test_pointer(void **state)
{
	struct buf b;

	(void)state;
	engine(&b, "%p", (void *)0x40000000);
	assert_string_equal(b.text, "0x40000000");
	engine(&b, "%p", NULL);
	assert_string_equal(b.text, "0x0");
	engine(&b, "%018p", (void *)0x1234);
	assert_string_equal(b.text, "0x0000000000001234");
}

static void test_engine_rules(void **state)
{
	struct buf b;

	(void)state;
	assert_int_equal(engine(&b, "%s", (char *)NULL), 6);
	assert_string_equal(b.text, "(null)");
	/* Unknown conversions show up as written, consuming nothing. */
	engine(&b, "a%qb%d", 5);
	assert_string_equal(b.text, "a%qb5");
	engine(&b, "%.3s|%d", 9);
	assert_string_equal(b.text, "%.3s|9");
	/* A lone '%' at the end is printed, not read past. */
	assert_int_equal(engine(&b, "100%"), 4);
	assert_string_equal(b.text, "100%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_engine_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
