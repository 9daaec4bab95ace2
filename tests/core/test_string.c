// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/string.c on the host, renamed (wd_memset, ...) so that the
 * host's own are not replaced: memset and memcpy store words where the
 * alignment allows; every alignment and length up to a few words must
 * give the bytes of a byte loop and touch nothing outside.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <wd/string.h>

#define AREA 160
#define GUARD 0xa5

static unsigned char area[AREA] __attribute__((aligned(16)));
static unsigned char want[AREA];
static unsigned char src[AREA] __attribute__((aligned(16)));

static void fill_guard(void)
{
	for (unsigned int i = 0; i < AREA; i++)
		area[i] = want[i] = GUARD;
}

static void memset_all_alignments(void **state)
{
	(void)state;
	for (unsigned int off = 0; off < 16; off++)
		for (unsigned int n = 0; n < 100; n++) {
			fill_guard();
			for (unsigned int i = 0; i < n; i++)
				want[off + i] = 0x3c;
			assert_ptr_equal(memset(area + off, 0x13c, n),
					 area + off);
			assert_memory_equal(area, want, AREA);
		}
}

static void memcpy_all_alignments(void **state)
{
	(void)state;
	for (unsigned int i = 0; i < AREA; i++)
		src[i] = (unsigned char)(i * 7 + 1);
	for (unsigned int doff = 0; doff < 16; doff++)
		for (unsigned int soff = 0; soff < 16; soff++)
			for (unsigned int n = 0; n < 100; n++) {
				fill_guard();
				for (unsigned int i = 0; i < n; i++)
					want[doff + i] = src[soff + i];
				assert_ptr_equal(
					memcpy(area + doff, src + soff, n),
					area + doff);
				assert_memory_equal(area, want, AREA);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memset_all_alignments),
		cmocka_unit_test(memcpy_all_alignments),
	};

	return cmocka_run_group_tests_name("core: string", tests, NULL, NULL);
}
