// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/colour.c on the host: the runs a region's frames form (what
 * the stage 2, the root's loan, the scrub and the mappings dump all use),
 * against the frame model of wd/colour.h. The hypervisor functions it
 * calls are stubbed below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../hypervisor/colour.c"

#define POOL 0x77000000ull
#define POOL_SIZE 0x08000000ull
#define MAX_RUNS 4096

static struct wd_system sys = {
	.cell_pool = {POOL, POOL_SIZE},
	.platform = {.llc_way_size = 0x20000, .bank_mask = 0x60000},
};

const struct wd_system *wd_system_config(void)
{
	return &sys;
}

void printk(const char *fmt, ...)
{
	(void)fmt;
}

static struct {
	u64 ipa[MAX_RUNS], pa[MAX_RUNS], size[MAX_RUNS];
	unsigned int n;
	u32 flags;
} seen;

static int record(u64 ipa, u64 pa, u64 size)
{
	assert_true(seen.n < MAX_RUNS);
	seen.ipa[seen.n] = ipa;
	seen.pa[seen.n] = pa;
	seen.size[seen.n++] = size;
	return 0;
}

int paging_map(struct paging *pg, u64 va, u64 pa, u64 size, u32 flags)
{
	(void)pg;
	seen.flags = flags;
	return record(va, pa, size);
}

void arch_scrub(u64 pa, u64 size)
{
	record(0, pa, size);
}

static int collect(void *ctx, u64 ipa, u64 pa, u64 size)
{
	(void)ctx;
	return record(ipa, pa, size);
}

static const struct wd_cell coloured_cell = {.colours = 0xffff, .banks = 0x3};
static const struct wd_cell plain_cell = {.colours = 0};

static struct wd_mem_region ram(u64 phys, u64 size)
{
	return (struct wd_mem_region){phys, 0x40000000, size,
				      WD_MEM_READ | WD_MEM_WRITE, 0};
}

static int setup(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	sys.platform.llc_way_size = 0x20000;
	return 0;
}

/* Contiguous in IPA, maximal, and every frame of the cell's set. */
static void assert_runs_of(const struct wd_cell *c,
			   const struct wd_mem_region *m)
{
	struct colour_geometry g;
	struct colour_set s = {c->colours, c->banks};
	u64 ipa = m->virt_start, total = 0, pa;
	unsigned int i;

	colour_geometry_init(&g, 0x20000, 0x60000);
	for (i = 0; i < seen.n; i++) {
		assert_int_equal(seen.ipa[i], ipa);
		if (i)
			assert_true(seen.pa[i] !=
				    seen.pa[i - 1] + seen.size[i - 1]);
		for (pa = seen.pa[i]; pa < seen.pa[i] + seen.size[i];
		     pa += PAGE_SIZE)
			assert_true(colour_frame_ok(&g, &s, pa));
		ipa += seen.size[i];
		total += seen.size[i];
	}
	assert_int_equal(total, m->size);
}

static void coloured_region_runs(void **state)
{
	struct wd_mem_region m = ram(0x7a000000, 0x100000);

	(void)state;
	assert_int_equal(region_for_each_run(&coloured_cell, &m, collect, 0),
			 0);
	/* colours 0-15 of banks 0-1: 64 KiB at 0 and 128 KiB per 512 KiB */
	assert_int_equal(seen.n, 16);
	assert_int_equal(seen.pa[0], 0x7a000000);
	assert_int_equal(seen.size[0], 0x10000);
	assert_int_equal(seen.pa[1], 0x7a020000);
	assert_int_equal(seen.pa[2], 0x7a080000);
	assert_runs_of(&coloured_cell, &m);
}

static void plain_region_is_one_run(void **state)
{
	struct wd_mem_region m = ram(0x78000000, 0x1000000);

	(void)state;
	assert_int_equal(region_for_each_run(&plain_cell, &m, collect, 0), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.pa[0], 0x78000000);
	assert_int_equal(seen.size[0], 0x1000000);
}

static void shared_and_io_are_not_coloured(void **state)
{
	struct wd_mem_region m = ram(0x78000000, 0x2000);

	(void)state;
	m.flags |= WD_MEM_SHARED;
	assert_false(region_is_coloured(&coloured_cell, &m));
	m.flags = WD_MEM_READ | WD_MEM_IO;
	assert_false(region_is_coloured(&coloured_cell, &m));
	m.flags = WD_MEM_READ | WD_MEM_COMM;
	assert_true(region_is_coloured(&coloured_cell, &m));
}

/* All colours and banks: one contiguous run, as a plain region. */
static void every_colour_is_one_run(void **state)
{
	static const struct wd_cell all = {.colours = 0xffffffff};
	struct wd_mem_region m = ram(0x7a000000, 0x400000);

	(void)state;
	assert_int_equal(region_for_each_run(&all, &m, collect, 0), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.size[0], 0x400000);
}

static void pool_too_small(void **state)
{
	/* a quarter of the frames from 0x7e000000 to the end: 4 MiB */
	struct wd_mem_region m = ram(0x7e000000, 0x400000 + PAGE_SIZE);

	(void)state;
	assert_int_equal(region_for_each_run(&coloured_cell, &m, collect, 0),
			 -ENOMEM);
}

static void unknown_geometry_refused(void **state)
{
	struct wd_mem_region m = ram(0x7a000000, 0x1000);

	(void)state;
	sys.platform.llc_way_size = 0;
	assert_int_equal(region_for_each_run(&coloured_cell, &m, collect, 0),
			 -EINVAL);
	assert_int_equal(seen.n, 0);
}

static void map_scrub_and_first_pa(void **state)
{
	struct wd_mem_region m = ram(0x7a030000, 0x20000);
	u64 pa = 0;

	(void)state;
	assert_int_equal(region_first_pa(&coloured_cell, &m, &pa), 0);
	assert_int_equal(pa, 0x7a080000); /* 0x7a030000: colour 16, bank 1 */
	assert_int_equal(region_map(NULL, &coloured_cell, &m, PG_RW), 0);
	assert_int_equal(seen.flags, PG_RW);
	assert_runs_of(&coloured_cell, &m);
	seen.n = 0;
	assert_int_equal(region_scrub(&coloured_cell, &m), 0);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.pa[0], 0x7a080000);
	assert_int_equal(seen.pa[1], 0x7a0a0000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(coloured_region_runs, setup),
		cmocka_unit_test_setup(plain_region_is_one_run, setup),
		cmocka_unit_test_setup(shared_and_io_are_not_coloured, setup),
		cmocka_unit_test_setup(every_colour_is_one_run, setup),
		cmocka_unit_test_setup(pool_too_small, setup),
		cmocka_unit_test_setup(unknown_geometry_refused, setup),
		cmocka_unit_test_setup(map_scrub_and_first_pa, setup),
	};

	return cmocka_run_group_tests_name("colour runs", tests, NULL, NULL);
}
