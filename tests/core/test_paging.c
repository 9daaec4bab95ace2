// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/paging.c on the host (fake arch, arch/fake.h): mappings at
 * every level, block splits, unmaps, and the order that keeps a table
 * page out of the pool until the TLB flush that covers it (a page handed
 * out again while another CPU's walk cache still points at it would give
 * that CPU whatever translations its new owner writes there).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arch.h>
#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/page_pool.h>
#include <wd/paging.h>

#define POOL_PAGES 64
#define SZ_4K 0x1000ull
#define SZ_2M 0x200000ull
#define SZ_1G 0x40000000ull
#define PAGES(n) ((n)*PAGE_SIZE)

static struct paging pg;

static int setup(void **state)
{
	(void)state;
	fake_arch_reset();
	if (!fake_pool_init(POOL_PAGES))
		return -1;
	return paging_create(&pg, &arch_hyp_paging);
}

static int teardown(void **state)
{
	(void)state;
	paging_destroy(&pg);
	fake_pool_exit();
	return 0;
}

/* The entry that translates va and its level (the walk, done by hand). */
static u64 *entry_of(const struct paging *p, u64 va, unsigned int *level)
{
	u64 *table = p->root, *pte;
	unsigned int l;

	for (l = p->fmt->first_level;; l++) {
		pte = &table[(va >> paging_shift(l)) & (PAGING_ENTRIES - 1)];
		if (!p->fmt->is_table(*pte, l))
			break;
		table = paging_ptr(*pte & FAKE_PTE_ADDR_MASK);
	}
	*level = l;
	return pte;
}

/* The table page at level (below the root) that va's walk passes. */
static u64 *table_of(const struct paging *p, u64 va, unsigned int level)
{
	u64 *table = p->root, pte;
	unsigned int l;

	for (l = p->fmt->first_level; l < level; l++) {
		pte = table[(va >> paging_shift(l)) & (PAGING_ENTRIES - 1)];
		if (!p->fmt->is_table(pte, l))
			return NULL;
		table = paging_ptr(pte & FAKE_PTE_ADDR_MASK);
	}
	return table;
}

static unsigned int leaf_level(u64 va)
{
	unsigned int level;
	u64 pte = *entry_of(&pg, va, &level);

	assert_true(pg.fmt->is_valid(pte));
	return level;
}

static u32 leaf_flags(u64 va)
{
	unsigned int level;
	u64 pte = *entry_of(&pg, va, &level);

	return (u32)((pte & FAKE_PTE_FLAGS_MASK) >> FAKE_PTE_FLAGS_SHIFT);
}

static void assert_maps(const struct paging *p, u64 va, u64 pa)
{
	u64 got = 0;

	assert_true(paging_lookup(p, va, &got));
	assert_int_equal(got, pa);
}

static void assert_unmapped(const struct paging *p, u64 va)
{
	u64 got;

	assert_false(paging_lookup(p, va, &got));
}

/* Root + level-2 table + level-3 table for one 4 KiB page. */
static void map_page(void **state)
{
	u64 va = 0x40201000, pa = 0x80003000;

	(void)state;
	assert_int_equal(page_pool_used(), PAGES(1));
	assert_int_equal(paging_map(&pg, va, pa, SZ_4K, PG_RW), 0);
	assert_maps(&pg, va, pa);
	assert_maps(&pg, va + 0xfff, pa + 0xfff);
	assert_unmapped(&pg, va + SZ_4K);
	assert_unmapped(&pg, va - 1);
	assert_int_equal(leaf_level(va), 3);
	assert_int_equal(leaf_flags(va), PG_RW);
	assert_int_equal(page_pool_used(), PAGES(3));
}

/* 1 GiB and 2 MiB aligned ranges become blocks: no table below them. */
static void map_blocks(void **state)
{
	(void)state;
	assert_int_equal(paging_map(&pg, SZ_1G, 2 * SZ_1G, SZ_1G, PG_READ), 0);
	assert_int_equal(leaf_level(SZ_1G + 0x12345000), 1);
	assert_maps(&pg, SZ_1G + 0x12345678, 2 * SZ_1G + 0x12345678);
	assert_int_equal(page_pool_used(), PAGES(1));
	assert_int_equal(
		paging_map(&pg, 3 * SZ_2M, 5 * SZ_2M, SZ_2M, PG_RW | PG_DEVICE),
		0);
	assert_int_equal(leaf_level(3 * SZ_2M + SZ_4K), 2);
	assert_int_equal(leaf_flags(3 * SZ_2M), PG_RW | PG_DEVICE);
	assert_int_equal(page_pool_used(), PAGES(2));
}

/* Pages up to the boundary, a block across it, pages after it. */
static void map_mixed(void **state)
{
	u64 va = SZ_2M - SZ_4K, size = SZ_2M + 2 * SZ_4K;

	(void)state;
	assert_int_equal(paging_map(&pg, va, va, size, PG_RW), 0);
	assert_int_equal(leaf_level(va), 3);
	assert_int_equal(leaf_level(SZ_2M), 2);
	assert_int_equal(leaf_level(2 * SZ_2M), 3);
	assert_unmapped(&pg, 2 * SZ_2M + SZ_4K);
	assert_unmapped(&pg, va - SZ_4K);
	assert_maps(&pg, SZ_2M + 0x1234, SZ_2M + 0x1234);
}

/* A 2 MiB aligned va with a pa that is not: 512 pages, not a block. */
static void map_unaligned_pa(void **state)
{
	(void)state;
	assert_int_equal(paging_map(&pg, SZ_2M, SZ_2M + SZ_4K, SZ_2M, PG_RW),
			 0);
	assert_int_equal(leaf_level(SZ_2M), 3);
	assert_int_equal(leaf_level(2 * SZ_2M - SZ_4K), 3);
	assert_maps(&pg, 2 * SZ_2M - 1, 2 * SZ_2M + SZ_4K - 1);
}

/* Unmapping a page of a block: the rest stays, attributes included. */
static void unmap_splits_block(void **state)
{
	u64 hole = SZ_2M + 7 * SZ_4K;

	(void)state;
	assert_int_equal(
		paging_map(&pg, SZ_2M, 8 * SZ_2M, SZ_2M, PG_READ | PG_EXEC), 0);
	assert_int_equal(page_pool_used(), PAGES(2));
	assert_int_equal(paging_unmap(&pg, hole, SZ_4K), 0);
	assert_unmapped(&pg, hole);
	assert_maps(&pg, hole - SZ_4K, 8 * SZ_2M + 6 * SZ_4K);
	assert_maps(&pg, hole + SZ_4K + 5, 8 * SZ_2M + 8 * SZ_4K + 5);
	assert_int_equal(leaf_level(SZ_2M), 3);
	assert_int_equal(leaf_flags(2 * SZ_2M - SZ_4K), PG_READ | PG_EXEC);
	assert_int_equal(page_pool_used(), PAGES(3));
	/* Nothing left the tree: the flush frees nothing. */
	arch_hyp_flush(&pg);
	assert_int_equal(page_pool_used(), PAGES(3));
}

/* A 1 GiB block split twice down to a page: both levels keep the rest. */
static void unmap_splits_twice(void **state)
{
	(void)state;
	assert_int_equal(paging_map(&pg, SZ_1G, SZ_1G, SZ_1G, PG_RW), 0);
	assert_int_equal(paging_unmap(&pg, SZ_1G + SZ_2M, SZ_4K), 0);
	assert_int_equal(leaf_level(SZ_1G), 2);
	assert_int_equal(leaf_level(SZ_1G + SZ_2M + SZ_4K), 3);
	assert_maps(&pg, SZ_1G + SZ_2M + SZ_4K, SZ_1G + SZ_2M + SZ_4K);
	assert_maps(&pg, 2 * SZ_1G - 1, 2 * SZ_1G - 1);
	assert_unmapped(&pg, SZ_1G + SZ_2M);
	assert_int_equal(page_pool_used(), PAGES(3));
}

/*
 * The order under test: unmapping the only page empties the level-3 and
 * level-2 tables; both stay allocated until the flush hook, which sees
 * them still in use when it invalidates, and only then go back.
 */
static void unmap_frees_after_flush(void **state)
{
	u64 va = 0x40201000;

	(void)state;
	assert_int_equal(paging_map(&pg, va, va, SZ_4K, PG_RW), 0);
	assert_int_equal(page_pool_used(), PAGES(3));
	assert_int_equal(paging_unmap(&pg, va, SZ_4K), 0);
	assert_unmapped(&pg, va);
	assert_null(table_of(&pg, va, 2));
	assert_int_equal(page_pool_used(), PAGES(3));
	assert_int_equal(fake_arch.hyp_flushes, 0);
	arch_hyp_flush(&pg);
	assert_int_equal(fake_arch.hyp_flushes, 1);
	assert_ptr_equal(fake_arch.last_flushed, &pg);
	assert_int_equal(fake_arch.pool_used_at_flush, PAGES(3));
	assert_int_equal(page_pool_used(), PAGES(1));
}

/* Takes every free page of the pool; returns how many. */
static unsigned int exhaust(void **pages)
{
	unsigned int n = 0;

	while ((pages[n] = page_alloc()))
		n++;
	return n;
}

static void release(void **pages, unsigned int n)
{
	while (n--)
		page_free(pages[n]);
}

static bool taken(void *const *pages, unsigned int n, const void *page)
{
	while (n--)
		if (pages[n] == page)
			return true;
	return false;
}

/*
 * The attack: after the unmap, whoever allocates next (a config copy of
 * the root, another cell's tables) must not get a table a walk cache
 * may still use, and that table must still say what it said. After the
 * flush the same pages are the pool's again.
 */
static void stale_tables_not_reused(void **state)
{
	u64 va = SZ_1G + 5 * SZ_2M + 9 * SZ_4K, pte, l2e;
	void *pages[POOL_PAGES + 1];
	u64 *l2, *l3;
	unsigned int n, level;

	(void)state;
	assert_int_equal(paging_map(&pg, va, 0x7000000, SZ_4K, PG_READ), 0);
	l2 = table_of(&pg, va, 2);
	l3 = table_of(&pg, va, 3);
	l2e = l2[5];
	pte = *entry_of(&pg, va, &level);
	assert_int_equal(paging_unmap(&pg, SZ_1G, SZ_1G), 0);
	assert_unmapped(&pg, va);
	n = exhaust(pages);
	assert_int_equal(n, POOL_PAGES - 3);
	assert_false(taken(pages, n, l2));
	assert_false(taken(pages, n, l3));
	/* A walk cache holding l2 or l3 still finds the old translation. */
	assert_int_equal(l2[5], l2e);
	assert_int_equal(l3[9], pte);
	release(pages, n);
	arch_hyp_flush(&pg);
	n = exhaust(pages);
	assert_int_equal(n, POOL_PAGES - 1);
	assert_true(taken(pages, n, l2));
	assert_true(taken(pages, n, l3));
	release(pages, n);
}

/* Mapping a block over a table: the table is stale until the flush. */
static void map_over_table_defers(void **state)
{
	void *pages[POOL_PAGES + 1];
	u64 *l3;
	unsigned int n;

	(void)state;
	assert_int_equal(paging_map(&pg, SZ_2M, SZ_2M, 3 * SZ_4K, PG_RW), 0);
	l3 = table_of(&pg, SZ_2M, 3);
	assert_int_equal(page_pool_used(), PAGES(3));
	assert_int_equal(paging_map(&pg, SZ_2M, 9 * SZ_2M, SZ_2M, PG_READ), 0);
	assert_int_equal(leaf_level(SZ_2M), 2);
	assert_maps(&pg, SZ_2M + SZ_4K, 9 * SZ_2M + SZ_4K);
	n = exhaust(pages);
	assert_false(taken(pages, n, l3));
	release(pages, n);
	assert_int_equal(page_pool_used(), PAGES(3));
	arch_hyp_flush(&pg);
	assert_int_equal(page_pool_used(), PAGES(2));
}

/*
 * Stage 2 (4 levels here): a 1 GiB unmap over a level-2 table with two
 * level-3 tables below it empties the level-1 table too. All four wait
 * for the cell's flush hook; the flush of another paging frees none.
 */
static void unmap_nested_stage2(void **state)
{
	struct cell cell = {.arch.vmid = 5};
	u64 base = 3 * SZ_1G;

	(void)state;
	assert_int_equal(paging_create(&cell.stage2, &arch_stage2_paging), 0);
	assert_int_equal(
		paging_map(&cell.stage2, base + SZ_4K, SZ_4K, SZ_4K, PG_RW), 0);
	assert_int_equal(paging_map(&cell.stage2, base + 7 * SZ_2M, SZ_4K,
				    2 * SZ_4K, PG_RW),
			 0);
	assert_int_equal(page_pool_used(), PAGES(1 + 5));
	assert_int_equal(paging_unmap(&cell.stage2, base, SZ_1G), 0);
	assert_unmapped(&cell.stage2, base + SZ_4K);
	assert_int_equal(page_pool_used(), PAGES(1 + 5));
	arch_hyp_flush(&pg);
	assert_int_equal(page_pool_used(), PAGES(1 + 5));
	arch_stage2_flush(&cell);
	assert_int_equal(fake_arch.stage2_flushes, 1);
	assert_int_equal(fake_arch.last_vmid, 5);
	assert_int_equal(fake_arch.pool_used_at_flush, PAGES(1 + 5));
	assert_int_equal(page_pool_used(), PAGES(1 + 1));
	paging_destroy(&cell.stage2);
	assert_int_equal(page_pool_used(), PAGES(1));
}

/* Destroy frees the tree and what is still waiting for a flush. */
static void destroy_frees_all(void **state)
{
	(void)state;
	assert_int_equal(paging_map(&pg, SZ_4K, SZ_4K, SZ_4K, PG_RW), 0);
	assert_int_equal(paging_map(&pg, SZ_1G + SZ_4K, SZ_4K, SZ_4K, PG_RW),
			 0);
	assert_int_equal(paging_unmap(&pg, SZ_1G, SZ_1G), 0);
	assert_int_equal(page_pool_used(), PAGES(5));
	paging_destroy(&pg);
	assert_null(pg.root);
	assert_int_equal(page_pool_used(), 0);
}

/* Many map/unmap/flush rounds: the pool comes back to the root alone. */
static void no_leak_over_rounds(void **state)
{
	unsigned int i;
	u64 va;

	(void)state;
	for (i = 0; i < 200; i++) {
		va = (u64)(i % 7) * SZ_1G + (u64)(i % 13) * SZ_2M + SZ_4K;
		assert_int_equal(paging_map(&pg, va, va, 3 * SZ_4K, PG_RW), 0);
		assert_int_equal(paging_unmap(&pg, va, 3 * SZ_4K), 0);
		arch_hyp_flush(&pg);
		assert_int_equal(page_pool_used(), PAGES(1));
	}
}

static void bad_ranges(void **state)
{
	u64 limit = arch_hyp_paging.va_limit, pa;

	(void)state;
	assert_int_equal(paging_map(&pg, 0x1001, 0, SZ_4K, PG_RW), -EINVAL);
	assert_int_equal(paging_map(&pg, 0, 0x1001, SZ_4K, PG_RW), -EINVAL);
	assert_int_equal(paging_map(&pg, 0, 0, 0x1001, PG_RW), -EINVAL);
	assert_int_equal(paging_map(&pg, 0, 0, 0, PG_RW), -EINVAL);
	assert_int_equal(paging_map(&pg, limit, 0, SZ_4K, PG_RW), -EINVAL);
	assert_int_equal(paging_map(&pg, limit - SZ_4K, 0, 2 * SZ_4K, PG_RW),
			 -EINVAL);
	assert_int_equal(paging_map(&pg, SZ_4K, 0, ~0ull & PAGE_MASK, PG_RW),
			 -EINVAL);
	assert_int_equal(paging_unmap(&pg, 0x800, SZ_4K), -EINVAL);
	assert_int_equal(paging_unmap(&pg, limit, SZ_4K), -EINVAL);
	assert_false(paging_lookup(&pg, limit, &pa));
	assert_int_equal(paging_map(&pg, limit - SZ_4K, 0, SZ_4K, PG_RW), 0);
	assert_maps(&pg, limit - 1, SZ_4K - 1);
	assert_int_equal(page_pool_used(), PAGES(3));
}

/* Unmapping nothing changes nothing. */
static void unmap_unmapped(void **state)
{
	(void)state;
	assert_int_equal(paging_unmap(&pg, SZ_1G, 3 * SZ_1G), 0);
	assert_int_equal(paging_map(&pg, SZ_4K, SZ_4K, SZ_4K, PG_RW), 0);
	assert_int_equal(paging_unmap(&pg, 2 * SZ_4K, 5 * SZ_4K), 0);
	assert_maps(&pg, SZ_4K, SZ_4K);
	assert_int_equal(page_pool_used(), PAGES(3));
}

/*
 * No page for a table, at the first level or below an existing table:
 * -ENOMEM, and a split that cannot happen leaves the block whole.
 */
static void out_of_pages(void **state)
{
	void *pages[POOL_PAGES + 1];
	unsigned int n;

	(void)state;
	assert_int_equal(paging_map(&pg, SZ_1G, SZ_1G, SZ_1G, PG_RW), 0);
	assert_int_equal(paging_map(&pg, SZ_2M, SZ_2M, SZ_2M, PG_RW), 0);
	n = exhaust(pages);
	assert_int_equal(paging_map(&pg, 2 * SZ_1G, 0, SZ_4K, PG_RW), -ENOMEM);
	assert_unmapped(&pg, 2 * SZ_1G);
	assert_int_equal(paging_map(&pg, SZ_4K, SZ_4K, SZ_4K, PG_RW), -ENOMEM);
	assert_unmapped(&pg, SZ_4K);
	assert_int_equal(paging_unmap(&pg, SZ_1G, SZ_4K), -ENOMEM);
	assert_int_equal(leaf_level(SZ_1G), 1);
	assert_maps(&pg, SZ_1G, SZ_1G);
	assert_int_equal(paging_unmap(&pg, SZ_2M, SZ_4K), -ENOMEM);
	assert_int_equal(leaf_level(SZ_2M), 2);
	assert_maps(&pg, SZ_2M, SZ_2M);
	release(pages, n);
	assert_int_equal(page_pool_used(), PAGES(2));
}

static void create_without_pages(void **state)
{
	void *pages[POOL_PAGES + 1];
	struct paging other;
	unsigned int n;

	(void)state;
	n = exhaust(pages);
	assert_int_equal(paging_create(&other, &arch_hyp_paging), -ENOMEM);
	assert_null(other.root);
	paging_destroy(&other);
	release(pages, n);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(map_page),
		TEST(map_blocks),
		TEST(map_mixed),
		TEST(map_unaligned_pa),
		TEST(unmap_splits_block),
		TEST(unmap_splits_twice),
		TEST(unmap_frees_after_flush),
		TEST(stale_tables_not_reused),
		TEST(map_over_table_defers),
		TEST(unmap_nested_stage2),
		TEST(destroy_frees_all),
		TEST(no_leak_over_rounds),
		TEST(bad_ranges),
		TEST(unmap_unmapped),
		TEST(out_of_pages),
		TEST(create_without_pages),
	};

	return cmocka_run_group_tests_name("core: paging", tests, NULL, NULL);
}
