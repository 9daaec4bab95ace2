// SPDX-License-Identifier: GPL-2.0
/*
 * The cell lifecycle on the host (tests/core/world.h): create,
 * set_loadable, start, shutdown and destroy through the real
 * hypervisor/cell_*.c, with the CPU that enters and parks played by the
 * fake arch. A create that fails at any allocation, or later, leaves
 * the pool, the cell table, the CPUs and the root's stage 2 as they
 * were.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "world.h"

#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/page_pool.h>
#include <wd/percpu.h>

#define DEMO_CPU 3
#define DEMO_COMM (TB_HV - PAGE_SIZE) /* builder.c */
#define RTC 0x09010000ull
#define WAY 0x20000ull /* coloured tests: 32 colours */
#define COMM_COLOURED 0x7e000000ull

static long id;

static struct percpu *demo_cpu(void)
{
	return percpu_of(DEMO_CPU);
}

static int setup(void **state)
{
	(void)state;
	tb_scenario_init(&world, WD_GIC_V3);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return world_exit();
}

static bool root_maps(u64 ipa)
{
	u64 pa;

	return paging_lookup(&root_cell.stage2, ipa, &pa) && pa == ipa;
}

static struct cell *demo(void)
{
	return cell_find((u64)id);
}

/* The parked CPU finds the root's start and enters the cell. */
static void root_starts(struct percpu *pc)
{
	(void)pc;
	assert_int_equal(cell_start((u64)id), 0);
}

static bool start_while_parked(struct percpu *pc)
{
	(void)pc;
	fake_arch.on_idle = NULL;
	fake_cpu_run(0, root_starts);
	return true;
}

/* The demo CPU, asked to park, takes the request on its next exit. */
static void demo_cpu_answers(void)
{
	fake_cpu_run(DEMO_CPU, cell_cpu_check_requests);
}

static void created(void)
{
	struct cell *cell = demo();

	assert_non_null(cell);
	assert_int_equal(cell->state, WD_CELL_STATE_CREATED);
	assert_int_equal(cell->comm->state, WD_CELL_STATE_CREATED);
	assert_ptr_equal(demo_cpu()->cell, cell);
	assert_int_equal(root_cell.cpu_set, 0xf & ~BIT(DEMO_CPU));
	assert_true(root_maps(DEMO_COMM)); /* read-only */
	assert_false(root_maps(TB_POOL));
}

static void loaded(void)
{
	assert_int_equal(cell_set_loadable((u64)id), 0);
	assert_int_equal(demo()->state, WD_CELL_STATE_LOADING);
	assert_true(root_maps(TB_POOL));
	memset(paging_ptr(TB_POOL), 0xaa, PAGE_SIZE); /* `cell load` */
}

static void started(void)
{
	fake_arch.on_idle = start_while_parked;
	assert_int_equal(fake_cpu_run(DEMO_CPU, cell_cpu_park),
			 FAKE_CPU_ENTERED);
	assert_int_equal(fake_arch.entry, 0x40000000);
	assert_int_equal(fake_arch.context, 0x80000000); /* comm IPA */
	assert_int_equal(demo()->state, WD_CELL_STATE_RUNNING);
	assert_false(root_maps(TB_POOL)); /* the cell's alone again */
	assert_int_equal(demo_cpu()->power, CPU_POWER_ON);
	assert_false(demo_cpu()->parked);
}

static void shut_down(void)
{
	fake_arch.on_relax = demo_cpu_answers;
	assert_int_equal(cell_shutdown((u64)id), 0);
	fake_arch.on_relax = NULL;
	assert_true(fake_arch.kicked & BIT(DEMO_CPU));
	assert_int_equal(demo()->state, WD_CELL_STATE_SHUT_DOWN);
	assert_true(demo_cpu()->parked);
	assert_int_equal(demo_cpu()->power, CPU_POWER_OFF);
}

static void destroyed(void)
{
	u8 *ram = paging_ptr(TB_POOL);
	u8 *comm = (u8 *)demo()->comm;
	u64 comm_pa = paging_pa(comm);

	assert_int_equal(cell_destroy((u64)id), 0);
	assert_null(cell_next(NULL));
	assert_ptr_equal(demo_cpu()->cell, &root_cell);
	assert_int_equal(root_cell.cpu_set, 0xf);
	assert_false(root_maps(comm_pa));
	assert_int_equal(ram[0] | ram[PAGE_SIZE - 1], 0); /* scrubbed */
	assert_int_equal(comm[0], 0);
}

/* Through every state and back: the pool as before. */
static void full_cycle(void **state)
{
	u64 used;

	(void)state;
	assert_int_equal(world_boot(), 0);
	used = page_pool_used();
	id = world_create(0);
	assert_true(id > 0);
	created();
	loaded();
	started();
	shut_down();
	destroyed();
	assert_int_equal(page_pool_used(), used);
	assert_int_equal(fake_arch.cell_exits, 1);
}

/* `warden cell linux`: the root names the entry and x0 (a kernel, its DTB). */
static void root_boots_kernel(struct percpu *pc)
{
	(void)pc;
	assert_int_equal(cell_start_at((u64)id, 0x40200000, 0x42400000), 0);
}

static bool boot_while_parked(struct percpu *pc)
{
	(void)pc;
	fake_arch.on_idle = NULL;
	fake_cpu_run(0, root_boots_kernel);
	return true;
}

static void start_at_entry(void **state)
{
	(void)state;
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_true(id > 0);
	fake_arch.on_idle = boot_while_parked;
	assert_int_equal(fake_cpu_run(DEMO_CPU, cell_cpu_park),
			 FAKE_CPU_ENTERED);
	assert_int_equal(fake_arch.entry, 0x40200000);
	assert_int_equal(fake_arch.context, 0x42400000); /* not the comm IPA */
	assert_int_equal(demo()->state, WD_CELL_STATE_RUNNING);
	/* its kernel powers off (PSCI SYSTEM_OFF): the cell alone stops */
	cell_stop_itself(&root_cell, "PSCI SYSTEM_OFF");
	assert_int_equal(root_cell.state, WD_CELL_STATE_RUNNING);
	cell_stop_itself(demo(), "PSCI SYSTEM_OFF");
	assert_int_equal(demo()->state, WD_CELL_STATE_SHUT_DOWN);
	assert_non_null(
		strstr(world_last_printk, "shut down: PSCI SYSTEM_OFF"));
	assert_true(fake_arch.kicked & BIT(DEMO_CPU));
	demo_cpu_answers();
	assert_true(demo_cpu()->parked);
	destroyed();
}

/* A failed create changed nothing the root or another cell sees. */
static void unchanged(u64 used)
{
	const struct percpu *pc = demo_cpu();

	assert_int_equal(page_pool_used(), used);
	assert_null(cell_next(NULL));
	assert_int_equal(cell_count(), 1);
	assert_int_equal(root_cell.cpu_set, 0xf);
	assert_ptr_equal(pc->cell, &root_cell);
	assert_true(pc->parked);
	assert_int_equal(pc->power, CPU_POWER_OFF);
	assert_true(root_maps(RTC));
	assert_false(root_maps(DEMO_COMM));
	assert_false(root_maps(COMM_COLOURED));
	assert_false(root_maps(TB_POOL));
}

/* With a device: its root block is split once, by this first cycle. */
static u64 boot_with_device(void)
{
	tb_add_dev(&world.cells[0], "pl031", RTC, 0x1000, 34);
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_true(id > 0);
	assert_false(root_maps(RTC));
	assert_int_equal(cell_destroy((u64)id), 0);
	return page_pool_used();
}

/* Allocations of a create that succeeds; the cell destroyed again. */
static unsigned int count_allocs(u64 used)
{
	unsigned int n;

	world_allocs = (struct world_allocs){0};
	id = world_create(0);
	n = world_allocs.calls;
	assert_true(id > 0);
	assert_int_equal(cell_destroy((u64)id), 0);
	assert_int_equal(page_pool_used(), used);
	return n;
}

/* The Nth allocation fails, for every N: -ENOMEM, nothing changed. */
static void fail_every_alloc(void)
{
	u64 used = boot_with_device();
	unsigned int n, k = count_allocs(used);

	assert_true(k >= 8); /* blob, EL2 copy, stage 2, root's comm map */
	for (n = 1; n <= k; n++) {
		world_allocs = (struct world_allocs){.fail_at = n};
		assert_int_equal(world_create(0), -ENOMEM);
		assert_int_equal(world_allocs.calls, n);
		unchanged(used);
	}
	world_allocs = (struct world_allocs){.fail_at = k + 1};
	id = world_create(0);
	assert_true(id > 0);
	assert_int_equal(cell_destroy((u64)id), 0);
	unchanged(used);
}

static void create_fails_at_every_alloc(void **state)
{
	(void)state;
	fail_every_alloc();
}

/* Linux onlines the CPU while create builds (its last allocation). */
static unsigned int online_at;

static void root_onlines_demo_cpu(unsigned int call)
{
	if (call != online_at)
		return;
	demo_cpu()->power = CPU_POWER_ON;
	demo_cpu()->parked = false;
}

static void create_cpu_came_online(void **state)
{
	u64 used;

	(void)state;
	used = boot_with_device();
	online_at = count_allocs(used);
	world_allocs = (struct world_allocs){.on_alloc = root_onlines_demo_cpu};
	assert_int_equal(world_create(0), -EBUSY);
	assert_non_null(strstr(world_last_printk, "came back online"));
	demo_cpu()->power = CPU_POWER_OFF; /* Linux offlines it */
	demo_cpu()->parked = true;
	unchanged(used);
}

/* The arch refuses the cell last: the CPUs go back to the root. */
static void create_arch_refuses(void **state)
{
	u64 used;

	(void)state;
	used = boot_with_device();
	fake_arch.cell_init_err = -EIO;
	assert_int_equal(world_create(0), -EIO);
	fake_arch.cell_init_err = 0;
	unchanged(used);
}

/* The checker refuses a second cell on the same CPU and RAM. */
static void create_refused_by_checker(void **state)
{
	(void)state;
	world.cells[1] = world.cells[0];
	strcpy(world.cells[1].cell.name, "twin");
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_true(id > 0);
	assert_int_equal(world_create(1), -EINVAL);
	assert_int_equal(cell_count(), 2);
}

/* A create of a CPU Linux did not offline: -EBUSY, nothing taken. */
static void create_cpu_online(void **state)
{
	u64 used;

	(void)state;
	world.num_cells = 0; /* boot with every CPU online */
	assert_int_equal(world_boot(), 0);
	used = page_pool_used();
	assert_int_equal(world_create(0), -EBUSY);
	assert_int_equal(page_pool_used(), used);
	assert_null(cell_next(NULL));
}

/* Requests the state does not allow. */
static void refusals(void **state)
{
	(void)state;
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_int_equal(cell_start(999999), -ENOENT);
	assert_int_equal(cell_set_loadable(999999), -ENOENT);
	assert_int_equal(cell_shutdown(999999), -ENOENT);
	assert_int_equal(cell_destroy(999999), -ENOENT);
	assert_int_equal(cell_start(0), -EPERM); /* the root */
	assert_int_equal(cell_shutdown(0), -EPERM);
	assert_int_equal(cell_destroy(0), -EPERM);
	assert_int_equal(cell_set_loadable(0), -EPERM);
	assert_int_equal(cell_set_loadable((u64)id), 0);
	assert_int_equal(cell_set_loadable((u64)id), 0); /* already */
	started();
	assert_int_equal(cell_start((u64)id), -EBUSY);
	assert_int_equal(cell_set_loadable((u64)id), -EBUSY);
}

/* A start while the boot CPU still has a power-on pending: refused. */
static void start_needs_parked_cpus(void **state)
{
	(void)state;
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_int_equal(cell_start((u64)id), 0);
	assert_int_equal(demo_cpu()->power, CPU_POWER_ON_PENDING);
	assert_true(fake_arch.kicked & BIT(DEMO_CPU));
	fake_arch.on_relax = demo_cpu_answers; /* never ran: cancelled */
	assert_int_equal(cell_shutdown((u64)id), 0);
	assert_int_equal(demo_cpu()->power, CPU_POWER_OFF);
	demo_cpu()->power = CPU_POWER_ON_PENDING; /* stale grant */
	assert_int_equal(cell_start((u64)id), -EBUSY);
	assert_int_equal(demo()->state, WD_CELL_STATE_SHUT_DOWN);
}

/* The root's view of the cell's frames (WD_HC_CELL_MAPPINGS). */
static void mappings(void **state)
{
	const struct wd_mappings *out = paging_ptr(WORLD_ROOT_BUF);

	(void)state;
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_int_equal(cell_mappings((u64)id, 0, WORLD_ROOT_BUF), 2);
	assert_int_equal(out->run[0].pa, TB_POOL);
	assert_int_equal(out->run[0].size, 0x01000000);
	assert_int_equal(out->run[1].pa, DEMO_COMM);
	assert_true(out->stage2_tables >= 3);
	assert_int_equal(cell_mappings((u64)id, 1, WORLD_ROOT_BUF), 1);
	assert_int_equal(out->run[0].pa, DEMO_COMM);
	assert_int_equal(cell_mappings(0, 0, WORLD_ROOT_BUF), -EINVAL);
	assert_int_equal(cell_mappings(999999, 0, WORLD_ROOT_BUF), -ENOENT);
	assert_int_equal(cell_mappings((u64)id, 0, TB_POOL), -EFAULT);
}

/* Destroyed while lent for loading: the root keeps none of its RAM. */
static void destroy_while_loading(void **state)
{
	u64 used;

	(void)state;
	assert_int_equal(world_boot(), 0);
	used = page_pool_used();
	id = world_create(0);
	assert_int_equal(cell_set_loadable((u64)id), 0);
	assert_true(root_maps(TB_POOL));
	assert_int_equal(cell_destroy((u64)id), 0);
	assert_false(root_maps(TB_POOL));
	assert_false(root_maps(TB_POOL + 0xfff000));
	assert_int_equal(page_pool_used(), used);
}

/* A CPU that never parks: destroy gives up, the cell stays as it was. */
static void destroy_times_out(void **state)
{
	(void)state;
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	started();
	fake_arch.relax_step = 1000000; /* 1 ms */
	assert_int_equal(cell_destroy((u64)id), -ETIMEDOUT);
	assert_non_null(demo());
	assert_int_equal(demo()->state, WD_CELL_STATE_RUNNING);
	assert_ptr_equal(demo_cpu()->cell, demo());
	assert_true(root_maps(DEMO_COMM));
}

/* Without a comm region: nothing published, x0 = 0 at entry. */
static void no_comm_region(void **state)
{
	(void)state;
	world.cells[0].cell.num_mem_regions = 1;
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_true(id > 0);
	assert_null(demo()->comm);
	assert_false(root_maps(DEMO_COMM));
	assert_int_equal(world_start(demo()), 0);
	assert_int_equal(fake_arch.context, 0);
}

/*
 * Defence in depth: a root region over Warden's memory (the checker
 * refuses it first) would hand the hypervisor to Linux.
 */
static void root_over_warden_refused(void **state)
{
	(void)state;
	tb_add_mem(&world.system.root, TB_HV, TB_HV, 0x1000, TB_RW);
	assert_int_equal(world_boot(), -1);
	assert_non_null(strstr(world_last_printk, "set-up failed"));
}

/*
 * Trust: the config's address and size are the root's word. Only its
 * own RAM is read: not the cell pool, not Warden, no wrap-around.
 */
static void config_outside_root_ram(void **state)
{
	u64 used;

	(void)state;
	assert_int_equal(world_boot(), 0);
	used = page_pool_used();
	assert_int_equal(cell_create(TB_POOL, 256), -EFAULT);
	assert_int_equal(cell_create(TB_HV, 256), -EFAULT);
	assert_int_equal(cell_create(0x09000000, 256), -EFAULT); /* IO */
	assert_int_equal(cell_create(~0ull - 16, 256), -EFAULT);
	assert_int_equal(cell_create(TB_POOL - 128, 256), -EFAULT);
	assert_int_equal(cell_create(WORLD_CONFIG_IPA, 0), -EFAULT);
	assert_int_equal(page_pool_used(), used);
	assert_null(cell_next(NULL));
}

/* What the arch asks the core about addresses (faults, GIC tables). */
static void address_owners(void **state)
{
	(void)state;
	tb_add_dev(&world.cells[0], "pl031", RTC, 0x1000, 34);
	assert_int_equal(world_boot(), 0);
	id = world_create(0);
	assert_ptr_equal(cell_owning(TB_POOL + 0x123), demo());
	assert_ptr_equal(cell_owning(RTC), demo());
	assert_null(cell_owning(TB_RAM));
	assert_null(cell_owning(TB_POOL + 0x01000000)); /* just past */
	assert_null(cell_owning(RTC + 0x1000));
	assert_true(root_owns_ram(TB_RAM, 0x10000));
	assert_false(root_owns_ram(TB_RAM, 0));
	assert_false(root_owns_ram(TB_POOL - 0x1000, 0x2000));
	assert_false(root_owns_ram(TB_POOL, 0x1000)); /* lent back and forth */
	assert_false(root_owns_ram(TB_HV, 0x1000));
	assert_false(root_owns_ram(0x09000000, 0x1000)); /* IO */
	assert_false(root_owns_ram(~0ull - 0xfff, 0x2000));
}

/*
 * A coloured cell (Documentation/colouring.md): 32 colours of 4 KiB,
 * the demo takes colours 0-15, so its frames are runs of 64 KiB every
 * 128 KiB from the pool's start, its comm page the first such frame from
 * 0x7e000000. Its stage 2, the root's loan, the dump and the scrub walk
 * the same frames; the frames between them are not the cell's.
 */
static void colour_demo(void)
{
	world.system.sys.platform.llc_way_size = WAY;
	world.cells[0].cell.colours = 0xffff;
	world.cells[0].mem[1].phys_start = COMM_COLOURED;
}

/* Its stage 2 has more tables: each allocation fails once too. */
static void coloured_create_fails_at_every_alloc(void **state)
{
	(void)state;
	colour_demo();
	fail_every_alloc();
}

static u8 byte_at(u64 pa)
{
	return *(u8 *)paging_ptr(pa);
}

static void coloured_cycle(void **state)
{
	const struct wd_mappings *out = paging_ptr(WORLD_ROOT_BUF);
	u64 used;

	(void)state;
	colour_demo();
	assert_int_equal(world_boot(), 0);
	used = page_pool_used();
	id = world_create(0);
	assert_true(id > 0);
	assert_int_equal(demo()->comm->state, WD_CELL_STATE_CREATED);
	assert_ptr_equal(demo()->comm, paging_ptr(COMM_COLOURED));
	/* 16 MiB in 64 KiB runs, then the comm page. */
	assert_int_equal(cell_mappings((u64)id, 0, WORLD_ROOT_BUF), 127);
	assert_int_equal(out->run[1].ipa, 0x40000000 + 0x10000);
	assert_int_equal(out->run[1].pa, TB_POOL + WAY);
	assert_int_equal(out->run[1].size, 0x10000);
	assert_int_equal(cell_mappings((u64)id, 256, WORLD_ROOT_BUF), 1);
	assert_int_equal(out->run[0].pa, COMM_COLOURED);
	assert_int_equal(cell_set_loadable((u64)id), 0);
	assert_true(root_maps(TB_POOL + WAY));
	assert_false(root_maps(TB_POOL + 0x10000)); /* colour 16: not lent */
	memset(paging_ptr(TB_POOL), 0xaa, 0x20000); /* 2 runs' span */
	started();
	shut_down();
	destroyed();
	assert_int_equal(byte_at(TB_POOL + 0xffff), 0);
	assert_int_equal(byte_at(TB_POOL + 0x10000), 0xaa); /* not its own */
	assert_int_equal(page_pool_used(), used);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(full_cycle),
		TEST(start_at_entry),
		TEST(create_fails_at_every_alloc),
		TEST(create_cpu_came_online),
		TEST(create_arch_refuses),
		TEST(create_refused_by_checker),
		TEST(create_cpu_online),
		TEST(refusals),
		TEST(start_needs_parked_cpus),
		TEST(mappings),
		TEST(destroy_while_loading),
		TEST(destroy_times_out),
		TEST(no_comm_region),
		TEST(root_over_warden_refused),
		TEST(config_outside_root_ram),
		TEST(address_owners),
		TEST(coloured_cycle),
		TEST(coloured_create_fails_at_every_alloc),
	};

	return cmocka_run_group_tests_name("core: cell lifecycle", tests, NULL,
					   NULL);
}
