// SPDX-License-Identifier: GPL-2.0
/*
 * Warden's own formatter and printk (hypervisor/printk.c) and the MMIO
 * region table (hypervisor/mmio.c) on the host. What Warden prints
 * carries strings a cell chose (its name, its console line): the
 * formatter never writes past the buffer whatever the arguments, and
 * one printk is one console_write() of at most one 159-byte line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <wd/cell.h>
#include <wd/console.h>
#include <wd/errno.h>
#include <wd/mmio.h>
#include <wd/printk.h>

static char written[256];
static size_t written_len;
static unsigned int writes;

void console_write(const char *s, size_t len)
{
	assert_true(len < sizeof(written));
	memcpy(written, s, len);
	written[len] = '\0';
	written_len = len;
	writes++;
}

static size_t fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = wd_vsnprintf(buf, size, f, ap);
	va_end(ap);
	return n;
}

#define EXPECT(want, ...)                                        \
	do {                                                     \
		char b[128];                                     \
		assert_int_equal(fmt(b, sizeof(b), __VA_ARGS__), \
				 strlen(want));                  \
		assert_string_equal(b, want);                    \
	} while (0)

static void conversions(void **state)
{
	(void)state;
	EXPECT("a 42 -7 4294967295 ff", "a %d %d %u %x", 42, -7, ~0u, 255);
	EXPECT("ffffffffffffffff -9000000000", "%llx %lld", ~0ull,
	       -9000000000ll);
	EXPECT("x(null)y", "x%sy", (const char *)NULL);
	/* No "%%": an unknown conversion is printed as it was written. */
	EXPECT("100%%", "100%%");
	EXPECT("%q", "%q");
	EXPECT("end", "end%"); /* a lone % at the end is dropped */
}

/* Widths, %c and %p are not Warden's: printed as written. */
static void unsupported(void **state)
{
	(void)state;
	EXPECT("%08x", "%08x", 0xbeef);
	EXPECT("c=%c", "c=%c", 'Z');
	EXPECT("%p", "%p", (void *)0x1000);
	EXPECT("%q 5", "%lq %u", 5); /* its l is dropped */
}

/* Cut at the buffer's end, always terminated; the length is what fit. */
static void truncation(void **state)
{
	char b[8];

	(void)state;
	memset(b, 'X', sizeof(b));
	assert_int_equal(fmt(b, sizeof(b), "%s", "cell-name-too-long"), 7);
	assert_string_equal(b, "cell-na");
	assert_int_equal(fmt(b, 1, "abc"), 0);
	assert_string_equal(b, "");
}

/* One line, one write, at most 159 bytes. */
static void printk_one_write(void **state)
{
	char name[300];

	(void)state;
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	printk("cell '%s' created: id %u\n", "demo", 3);
	assert_string_equal(written, "cell 'demo' created: id 3\n");
	assert_int_equal(writes, 1);
	printk("[%s]\n", name);
	assert_int_equal(written_len, 159);
	assert_int_equal(writes, 2);
}

static int handler(void *arg, struct mmio_access *acc)
{
	acc->value = (u64)(uintptr_t)arg;
	return 0;
}

/* The first region covering the address emulates it; 8 at most. */
static void mmio_regions(void **state)
{
	static struct cell cell;
	struct mmio_access acc = {.addr = 0x08000000};
	unsigned long i;

	(void)state;
	assert_int_equal(mmio_dispatch(&cell, &acc), -ENOENT);
	for (i = 0; i < MMIO_MAX_REGIONS; i++)
		assert_int_equal(mmio_register(&cell, 0x08000000 + i * 0x1000,
					       0x1000, handler, (void *)i),
				 0);
	assert_int_equal(mmio_register(&cell, 0, 1, handler, NULL), -ENOSPC);
	acc.addr = 0x08002ff8;
	assert_int_equal(mmio_dispatch(&cell, &acc), 0);
	assert_int_equal(acc.value, 2);
	acc.addr = 0x08008000; /* just past the last */
	assert_int_equal(mmio_dispatch(&cell, &acc), -ENOENT);
	acc.addr = 0x07ffffff; /* just below the first: no wrap-around */
	assert_int_equal(mmio_dispatch(&cell, &acc), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conversions),
		cmocka_unit_test(unsupported),
		cmocka_unit_test(truncation),
		cmocka_unit_test(printk_one_write),
		cmocka_unit_test(mmio_regions),
	};

	return cmocka_run_group_tests_name("core: printk, mmio", tests, NULL,
					   NULL);
}
