// SPDX-License-Identifier: GPL-2.0
/*
 * cell_create() (hypervisor/cell_create.c) on the host: the page that
 * receives the root's config is taken, filled and (on failure) given back
 * with the management lock held. Outside it, the root's data could land
 * in a page another CPU is between taking out of the root's stage 2 and
 * flushing. The rest of create is stubbed: every stub the tested paths
 * must not reach fails the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/errno.h>
#include <wd/ivshmem.h>
#include <wd/page_pool.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>

#define POOL_PAGES 8
#define CONFIG_IPA 0x40000000ull

/* What the lock and the copy saw. */
static struct {
	bool locked;
	unsigned int locks;
	u64 used_at_lock; /* page_pool_used() when the lock was taken */
	u64 used_at_unlock;
	bool copy_locked; /* the copy ran with the lock held */
	void *copy_dst;
	int copy_ret;
} seen;

void cell_mgmt_lock(void)
{
	assert_false(seen.locked);
	seen.locked = true;
	seen.locks++;
	seen.used_at_lock = page_pool_used();
}

void cell_mgmt_unlock(void)
{
	assert_true(seen.locked);
	seen.locked = false;
	seen.used_at_unlock = page_pool_used();
}

int root_copy_from(void *dst, u64 ipa, u64 size)
{
	assert_int_equal(ipa, CONFIG_IPA);
	assert_true(size <= PAGE_SIZE);
	seen.copy_locked = seen.locked;
	seen.copy_dst = dst;
	if (!seen.copy_ret)
		memset(dst, 0x5a, size);
	return seen.copy_ret;
}

/* The table is full: create gives up right after the copy. */
struct cell *cell_alloc(void)
{
	assert_true(seen.locked);
	return NULL;
}

/* Not reached on the paths under test. */
#define NOT_REACHED(name) fail_msg("%s reached", #name)

struct cell root_cell;

void printk(const char *fmt, ...)
{
	(void)fmt;
}

void cell_free(struct cell *cell)
{
	(void)cell;
	NOT_REACHED(cell_free);
}

struct cell *cell_next(const struct cell *prev)
{
	(void)prev;
	NOT_REACHED(cell_next);
	return NULL;
}

int cell_map_devices(struct cell *cell)
{
	(void)cell;
	NOT_REACHED(cell_map_devices);
	return -EIO;
}

int cell_map_region(struct cell *cell, const struct wd_mem_region *m)
{
	(void)cell, (void)m;
	NOT_REACHED(cell_map_region);
	return -EIO;
}

/* Every message of a refused create is printed (wd/ratelimit.h). */
bool ratelimit(struct ratelimit *set, enum rl_cause cause, u32 cost,
	       const char *name)
{
	(void)set, (void)cause, (void)cost, (void)name;
	return true;
}

int cell_cpus_move(u64 cpu_set, struct cell *from, struct cell *to)
{
	(void)cpu_set, (void)from, (void)to;
	NOT_REACHED(cell_cpus_move);
	return -1;
}

void cell_set_state(struct cell *cell, u32 state)
{
	(void)cell, (void)state;
	NOT_REACHED(cell_set_state);
}

void ivshmem_cell_add(struct cell *cell)
{
	(void)cell;
	NOT_REACHED(ivshmem_cell_add);
}

struct percpu *percpu_of(unsigned int cpu_id)
{
	(void)cpu_id;
	NOT_REACHED(percpu_of);
	return NULL;
}

int region_first_pa(const struct wd_cell *desc, const struct wd_mem_region *m,
		    u64 *pa)
{
	(void)desc, (void)m, (void)pa;
	NOT_REACHED(region_first_pa);
	return -EIO;
}

int root_lend_devices(const struct cell *cell)
{
	(void)cell;
	NOT_REACHED(root_lend_devices);
	return -EIO;
}

int root_take_back_devices(const struct cell *cell)
{
	(void)cell;
	NOT_REACHED(root_take_back_devices);
	return -EIO;
}

int root_map_comm(const struct cell *cell)
{
	(void)cell;
	NOT_REACHED(root_map_comm);
	return -EIO;
}

void root_unmap_comm(const struct cell *cell)
{
	(void)cell;
	NOT_REACHED(root_unmap_comm);
}

struct wd_blob wd_system_blob(void)
{
	NOT_REACHED(wd_system_blob);
	return (struct wd_blob){0};
}

const struct wd_system *wd_system_config(void)
{
	NOT_REACHED(wd_system_config);
	return NULL;
}

static int setup(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	return fake_pool_init(POOL_PAGES) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	fake_pool_exit();
	return 0;
}

/* Lock, then page, then copy into it: all under the one lock. */
static void assert_copied_under_lock(void)
{
	assert_int_equal(seen.locks, 1);
	assert_false(seen.locked);
	assert_int_equal(seen.used_at_lock, 0);
	assert_true(seen.copy_locked);
	assert_non_null(seen.copy_dst);
}

/* The root's buffer is not readable: the page goes back, locked. */
static void copy_fails(void **state)
{
	(void)state;
	seen.copy_ret = -EFAULT;
	assert_int_equal(cell_create(CONFIG_IPA, 256), -EFAULT);
	assert_copied_under_lock();
	assert_int_equal(seen.used_at_unlock, 0);
	assert_int_equal(page_pool_used(), 0);
}

/* Copied, then refused (no free slot): the same. */
static void create_refused(void **state)
{
	(void)state;
	assert_int_equal(cell_create(CONFIG_IPA, PAGE_SIZE), -ENOSPC);
	assert_copied_under_lock();
	assert_int_equal(seen.used_at_unlock, 0);
	assert_int_equal(page_pool_used(), 0);
}

/* No page: -ENOMEM, nothing copied, the lock released. */
static void no_page(void **state)
{
	void *pages[POOL_PAGES];
	unsigned int i;

	(void)state;
	for (i = 0; i < POOL_PAGES; i++)
		pages[i] = page_alloc();
	assert_int_equal(cell_create(CONFIG_IPA, 256), -ENOMEM);
	assert_null(seen.copy_dst);
	assert_false(seen.locked);
	for (i = 0; i < POOL_PAGES; i++)
		page_free(pages[i]);
}

/* Too big: refused before anything is taken. */
static void too_big(void **state)
{
	(void)state;
	assert_int_equal(cell_create(CONFIG_IPA, PAGE_SIZE + 1), -E2BIG);
	assert_int_equal(seen.locks, 0);
	assert_int_equal(page_pool_used(), 0);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(copy_fails),
		TEST(create_refused),
		TEST(no_page),
		TEST(too_big),
	};

	return cmocka_run_group_tests_name("core: cell_create", tests, NULL,
					   NULL);
}
