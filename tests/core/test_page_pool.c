// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/page_pool.c on the host (fake arch): initialisation checks,
 * zeroed distinct pages inside the pool, exhaustion, reuse after a free,
 * and frees the pool must ignore (double, foreign, unaligned).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <arch/fake.h>
#include <wd/errno.h>
#include <wd/page_pool.h>
#include <wd/paging.h>

#define POOL_PAGES 16

static u64 base;

static int setup(void **state)
{
	(void)state;
	base = fake_pool_init(POOL_PAGES);
	return base ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	fake_pool_exit();
	return 0;
}

static void init_refuses_bad_ranges(void **state)
{
	(void)state;
	assert_int_equal(page_pool_init(PAGE_SIZE + 8, 4 * PAGE_SIZE), -EINVAL);
	assert_int_equal(page_pool_init(PAGE_SIZE, PAGE_SIZE - 1), -EINVAL);
	assert_int_equal(page_pool_init(PAGE_SIZE, 0), -EINVAL);
}

/* Sizes past the bitmap are cut to it (nothing is touched here). */
static void init_caps_at_bitmap(void **state)
{
	(void)state;
	assert_int_equal(page_pool_init(PAGE_SIZE, 1ull << 40), 0);
	assert_int_equal(page_pool_size(), PAGE_POOL_MAX_PAGES * PAGE_SIZE);
	assert_int_equal(page_pool_init(PAGE_SIZE, 3 * PAGE_SIZE + 5), 0);
	assert_int_equal(page_pool_size(), 3 * PAGE_SIZE);
}

static bool in_pool(const void *p)
{
	u64 pa = paging_pa(p);

	return pa >= base && pa < base + POOL_PAGES * PAGE_SIZE &&
	       IS_ALIGNED(pa, PAGE_SIZE);
}

/* Every page once, zeroed even if its last owner left data; then NULL. */
static void alloc_until_exhausted(void **state)
{
	void *pages[POOL_PAGES];
	unsigned int i, j;
	u8 *p;

	(void)state;
	assert_int_equal(page_pool_size(), POOL_PAGES * PAGE_SIZE);
	memset(paging_ptr(base), 0xa5, POOL_PAGES * PAGE_SIZE);
	for (i = 0; i < POOL_PAGES; i++) {
		pages[i] = page_alloc();
		assert_non_null(pages[i]);
		assert_true(in_pool(pages[i]));
		for (j = 0; j < i; j++)
			assert_ptr_not_equal(pages[i], pages[j]);
		p = pages[i];
		for (j = 0; j < PAGE_SIZE; j++)
			assert_int_equal(p[j], 0);
		assert_int_equal(page_pool_used(), (i + 1) * PAGE_SIZE);
	}
	assert_null(page_alloc());
	assert_int_equal(page_pool_used(), POOL_PAGES * PAGE_SIZE);
}

/* A freed page is found again even behind the search hint. */
static void free_then_alloc_again(void **state)
{
	void *pages[POOL_PAGES];
	unsigned int i;

	(void)state;
	for (i = 0; i < POOL_PAGES; i++)
		pages[i] = page_alloc();
	page_free(pages[3]);
	assert_int_equal(page_pool_used(), (POOL_PAGES - 1) * PAGE_SIZE);
	assert_ptr_equal(page_alloc(), pages[3]);
	assert_null(page_alloc());
	for (i = 0; i < POOL_PAGES; i++)
		page_free(pages[i]);
	assert_int_equal(page_pool_used(), 0);
}

/* Double, foreign and unaligned frees leave the accounting alone. */
static void bad_frees_ignored(void **state)
{
	u8 outside[16];
	void *a = page_alloc(), *b = page_alloc();

	(void)state;
	page_free(a);
	page_free(a);
	assert_int_equal(page_pool_used(), PAGE_SIZE);
	page_free(outside);
	page_free(NULL);
	page_free((u8 *)b + 8);
	page_free(paging_ptr(base + POOL_PAGES * PAGE_SIZE));
	assert_int_equal(page_pool_used(), PAGE_SIZE);
	page_free(b);
	assert_int_equal(page_pool_used(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_refuses_bad_ranges),
		cmocka_unit_test(init_caps_at_bitmap),
		cmocka_unit_test_setup_teardown(alloc_until_exhausted, setup,
						teardown),
		cmocka_unit_test_setup_teardown(free_then_alloc_again, setup,
						teardown),
		cmocka_unit_test_setup_teardown(bad_frees_ignored, setup,
						teardown),
	};

	return cmocka_run_group_tests_name("core: page pool", tests, NULL,
					   NULL);
}
