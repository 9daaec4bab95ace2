// SPDX-License-Identifier: GPL-2.0
/*
 * What the root lends and takes back (hypervisor/cell_root.c) on the
 * host, with real stage-2 tables (fake arch) and configs from the unit
 * tests' builder: every unmap from the root's stage 2 is followed by a
 * flush before the tables it emptied are freed, including a lend of
 * loadable memory that fails half way.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "builder.h"

#include <arch.h>
#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/page_pool.h>
#include <wd/paging.h>
#include <wd/printk.h>
#include <wd/setup.h>

#define POOL_PAGES 64
#define RTC 0x09010000ull

struct cell root_cell;
static struct scenario sc;
static struct tb_blob system_blob, cell_blob;
static struct cell cell;

const struct wd_system *wd_system_config(void)
{
	return wd_config_system(system_blob.data);
}

/* As cell.c: only the flags these tests use. */
u32 cell_mem_flags(u32 flags)
{
	return (flags & WD_MEM_IO ? PG_DEVICE : 0) |
	       (flags & WD_MEM_WRITE ? PG_RW : PG_READ);
}

struct cell *cell_next(const struct cell *prev)
{
	(void)prev;
	return NULL;
}

void printk(const char *fmt, ...)
{
	(void)fmt;
}

/* root_copy_from()/root_copy_to() are not tested here. */
int wd_hyp_map(u64 pa, u64 size, u32 flags)
{
	(void)pa, (void)size, (void)flags;
	fail_msg("wd_hyp_map reached");
	return -EIO;
}

void wd_hyp_unmap(u64 pa, u64 size)
{
	(void)pa, (void)size;
	fail_msg("wd_hyp_unmap reached");
}

/* The root's stage 2 as cell_init_root() builds it (its regions). */
static void map_root(void)
{
	const struct wd_cell *d = root_cell.desc;
	const struct wd_mem_region *m = wd_cell_mem(d);
	unsigned int i;

	assert_int_equal(paging_create(&root_cell.stage2, &arch_stage2_paging),
			 0);
	for (i = 0; i < d->num_mem_regions; i++)
		assert_int_equal(paging_map(&root_cell.stage2, m[i].virt_start,
					    m[i].phys_start, m[i].size,
					    cell_mem_flags(m[i].flags)),
				 0);
}

/* The demo cell, with what the test added to it, as a live cell. */
static void make_cell(void)
{
	system_blob = tb_build_system(&sc.system);
	cell_blob = tb_build_cell(&sc.cells[0]);
	root_cell.desc = wd_config_root(system_blob.data);
	cell = (struct cell){.desc = wd_config_cell(cell_blob.data)};
	map_root();
	fake_arch_reset();
}

static int setup(void **state)
{
	(void)state;
	tb_scenario_init(&sc, WD_GIC_V3);
	return fake_pool_init(POOL_PAGES) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	paging_destroy(&root_cell.stage2);
	tb_blob_free(&system_blob);
	tb_blob_free(&cell_blob);
	fake_pool_exit();
	return 0;
}

/* One loadable page: the root needs a level-3 table of its own for it. */
#define LONE_PAGE (TB_POOL + 0x1001000)

static void add_lone_page(void)
{
	tb_add_mem(&sc.cells[0], LONE_PAGE, 0x41000000, 0x1000,
		   TB_RW | WD_MEM_LOADABLE);
}

static bool root_maps(u64 ipa)
{
	u64 pa;

	return paging_lookup(&root_cell.stage2, ipa, &pa) && pa == ipa;
}

/* Lent for `cell load`, then taken back and flushed: pool as before. */
static void loadable_lent_and_back(void **state)
{
	u64 used;

	(void)state;
	add_lone_page();
	make_cell();
	used = page_pool_used();
	assert_int_equal(root_map_loadable(&cell), 0);
	assert_true(root_maps(TB_POOL));
	assert_true(root_maps(TB_POOL + 0xfff000));
	assert_false(root_maps(TB_POOL + 0x1000000));
	assert_true(root_maps(LONE_PAGE));
	root_unmap_loadable(&cell);
	assert_false(root_maps(TB_POOL));
	assert_false(root_maps(LONE_PAGE));
	assert_true(page_pool_used() > used); /* stale until the flush */
	arch_stage2_flush(&root_cell);
	assert_int_equal(page_pool_used(), used);
}

/*
 * The last loadable region is root RAM (no checker here): the lend
 * fails after the others went in. Those must be unmapped and flushed by
 * root_map_loadable() itself (its caller flushes only after success),
 * and the table they emptied freed by that flush.
 */
static void loadable_lend_fails(void **state)
{
	u64 used;

	(void)state;
	add_lone_page();
	tb_add_mem(&sc.cells[0], TB_RAM, 0x50000000, 0x200000,
		   TB_RW | WD_MEM_LOADABLE);
	make_cell();
	used = page_pool_used();
	assert_int_equal(root_map_loadable(&cell), -EBUSY);
	assert_false(root_maps(TB_POOL));
	assert_false(root_maps(LONE_PAGE));
	assert_true(root_maps(TB_RAM));
	assert_int_equal(fake_arch.stage2_flushes, 1);
	assert_ptr_equal(fake_arch.last_flushed, &root_cell.stage2);
	assert_int_equal(page_pool_used(), used);
}

/* A device taken from a root IO block and given back. */
static void device_lent_and_back(void **state)
{
	u64 used;

	(void)state;
	tb_add_dev(&sc.cells[0], "pl031", RTC, 0x1000, 34);
	make_cell();
	used = page_pool_used();
	assert_int_equal(root_lend_devices(&cell), 0);
	assert_false(root_maps(RTC));
	assert_true(root_maps(RTC - 0x1000));
	assert_true(root_maps(RTC + 0x1000));
	assert_int_equal(root_take_back_devices(&cell), 0);
	assert_true(root_maps(RTC));
	arch_stage2_flush(&root_cell);
	assert_int_equal(page_pool_used(), used + PAGE_SIZE); /* the split */
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(loadable_lent_and_back),
		TEST(loadable_lend_fails),
		TEST(device_lent_and_back),
	};

	return cmocka_run_group_tests_name("core: cell_root", tests, NULL,
					   NULL);
}
