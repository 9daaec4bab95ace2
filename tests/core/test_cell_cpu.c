// SPDX-License-Identifier: GPL-2.0
/*
 * The CPUs' power logic of hypervisor/cell_cpu.c on the host, with the
 * CPUs as data (arch/fake/cpu.c): a cell on CPUs 2 and 3 powers its CPUs
 * on (PSCI CPU_ON on arm64), the root stops it. Stopping freezes the
 * cell: no power-on for it any more, so its set of running CPUs only
 * shrinks; a CPU counts as parked only with no power-on pending; CPUs
 * move between cells only parked and off. The park loop, which never
 * returns on hardware, runs in fake_cpu_run().
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
#include <wd/percpu.h>

static struct cell *cell;

static struct percpu *cpu(unsigned int n)
{
	return percpu_of(n);
}

/* What another CPU does while the one under test waits parked. */
static void (*grant)(struct percpu *pc);
static unsigned int granter;

static bool grant_while_parked(struct percpu *pc)
{
	(void)pc;
	fake_arch.on_idle = NULL;
	fake_cpu_run(granter, grant);
	return true;
}

/* CPU n parks; from granter, grant() powers it on while it waits. */
static enum fake_cpu_exit park_and_grant(unsigned int n, unsigned int from,
					 void (*fn)(struct percpu *pc))
{
	grant = fn;
	granter = from;
	fake_arch.on_idle = grant_while_parked;
	return fake_cpu_run(n, cell_cpu_park);
}

static void root_starts(struct percpu *pc)
{
	(void)pc;
	assert_int_equal(cell_start(cell->id), 0);
}

static void cpu2_powers_on_3(struct percpu *pc)
{
	assert_int_equal(cell_cpu_power_on(cpu(3), pc->cell, 0x1234, 7), 0);
	assert_int_equal(cpu(3)->power, CPU_POWER_ON_PENDING);
	assert_true(fake_arch.kicked & BIT(3));
	assert_int_equal(cell_cpu_power_on(cpu(3), pc->cell, 0, 0), -EBUSY);
}

/* The cell on CPUs 2 and 3, created and started: CPU 2 runs. */
static int setup(void **state)
{
	long id;

	(void)state;
	tb_scenario_init(&world, WD_GIC_V3);
	world.cells[0].cell.cpu_set = BIT(2) | BIT(3);
	if (world_boot())
		return -1;
	id = world_create(0);
	cell = id > 0 ? cell_find((u64)id) : NULL;
	if (!cell || park_and_grant(2, 0, root_starts) != FAKE_CPU_ENTERED)
		return -1;
	fake_arch.kicked = 0;
	fake_arch.kicks = 0;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return world_exit();
}

/* The boot CPU starts its sibling: pending, kicked, then on. */
static void power_on_sibling(void **state)
{
	(void)state;
	assert_int_equal(fake_arch.entry, 0x40000000);
	assert_int_equal(park_and_grant(3, 2, cpu2_powers_on_3),
			 FAKE_CPU_ENTERED);
	assert_int_equal(fake_arch.entry, 0x1234);
	assert_int_equal(fake_arch.context, 7);
	assert_true(fake_arch.quiesced & BIT(3));
	assert_int_equal(cpu(3)->power, CPU_POWER_ON);
	assert_false(cpu(3)->parked);
	assert_null(cpu(3)->on_cell);
	assert_int_equal(cell_cpu_power_on(cpu(3), cell, 0, 0), -EEXIST);
	/* A CPU of another cell (the root's) is not the cell's to start. */
	assert_int_equal(cell_cpu_power_on(cpu(0), cell, 0, 0), -EPERM);
	assert_int_equal(cell_cpu_power_on(cpu(1), cell, 0, 0), -EPERM);
}

/*
 * The root asks the cell to park: from then on CPU 3 (still running,
 * its request not yet seen) cannot start CPU 2, which parked first,
 * although the cell's state is still RUNNING.
 */
static void stopping_freezes_power_on(void **state)
{
	(void)state;
	assert_int_equal(park_and_grant(3, 2, cpu2_powers_on_3),
			 FAKE_CPU_ENTERED);
	fake_arch.kicked = 0;
	cell_cpus_request_park(cell);
	assert_true(cell->power_frozen);
	assert_int_equal(fake_arch.kicked, BIT(2) | BIT(3));
	assert_int_equal(fake_cpu_run(2, cell_cpu_check_requests),
			 FAKE_CPU_IDLE);
	assert_true(cpu(2)->parked);
	assert_int_equal(cell->state, WD_CELL_STATE_RUNNING);
	fake_arch.this_cpu = 3;
	assert_int_equal(cell_cpu_power_on(cpu(2), cell, 0, 0), -EPERM);
	assert_int_equal(cpu(2)->power, CPU_POWER_OFF);
	fake_arch.this_cpu = 0;
	assert_false(cell_cpus_parked(cell->cpu_set));
	assert_int_equal(fake_cpu_run(3, cell_cpu_check_requests),
			 FAKE_CPU_IDLE);
	assert_true(cell_cpus_parked(cell->cpu_set));
}

/* A stopped cell (not frozen: say, thawed) powers on nothing either. */
static void stopped_cell_powers_on_nothing(void **state)
{
	(void)state;
	cell_set_state(cell, WD_CELL_STATE_SHUT_DOWN);
	assert_false(cell->power_frozen);
	assert_int_equal(cell_cpu_power_on(cpu(3), cell, 0, 0), -EPERM);
	assert_int_equal(cpu(3)->power, CPU_POWER_OFF);
}

/* A parked CPU with a power-on pending can still run: not parked. */
static void pending_is_not_parked(void **state)
{
	(void)state;
	assert_true(cell_cpus_parked(BIT(3)));
	assert_false(cell_cpus_parked(BIT(2) | BIT(3))); /* 2 runs */
	fake_arch.this_cpu = 2;
	assert_int_equal(cell_cpu_power_on(cpu(3), cell, 0, 0), 0);
	assert_false(cell_cpus_parked(BIT(3)));
	/* The freeze cancels it, without a kick: 3 waits parked. */
	fake_arch.kicked = 0;
	cell_cpus_request_park(cell);
	assert_int_equal(fake_arch.kicked, 0); /* 2 asks itself: no SGI */
	assert_int_equal(cpu(3)->power, CPU_POWER_OFF);
	assert_null(cpu(3)->on_cell);
	assert_true(cell_cpus_parked(BIT(3)));
	assert_true(cpu(2)->request & CPU_REQ_PARK);
}

/* Only parked, powered-off CPUs of `from` move. */
static void move_rules(void **state)
{
	(void)state;
	cpu(3)->stats[0] = 5;
	assert_int_equal(cell_cpus_move(BIT(2), cell, &root_cell), -EBUSY);
	assert_int_equal(cell_cpus_move(BIT(3), &root_cell, cell), -EBUSY);
	assert_int_equal(cell_cpus_move(BIT(0), cell, &root_cell), -EBUSY);
	cpu(3)->power = CPU_POWER_ON_PENDING;
	assert_int_equal(cell_cpus_move(BIT(3), cell, &root_cell), -EBUSY);
	cpu(3)->power = CPU_POWER_OFF;
	assert_ptr_equal(cpu(3)->cell, cell);
	assert_int_equal(cell_cpus_move(BIT(3), cell, &root_cell), 0);
	assert_ptr_equal(cpu(3)->cell, &root_cell);
	assert_int_equal(cpu(3)->stats[0], 0);
	assert_true(root_cell.cpu_set & BIT(3));
	assert_int_equal(cell_cpus_move(BIT(3), &root_cell, cell), 0);
	assert_false(root_cell.cpu_set & BIT(3));
}

/* A power-on granted for the cell CPU 3 no longer belongs to. */
static void grant_for_root(struct percpu *pc)
{
	(void)pc;
	cpu(3)->power = CPU_POWER_ON_PENDING;
	cpu(3)->on_cell = &root_cell;
}

static void stale_power_on_dropped(void **state)
{
	unsigned int idles;

	(void)state;
	idles = fake_arch.idles;
	assert_int_equal(park_and_grant(3, 0, grant_for_root), FAKE_CPU_IDLE);
	assert_int_equal(fake_arch.idles, idles + 2); /* woke, slept again */
	assert_int_equal(cpu(3)->power, CPU_POWER_OFF);
	assert_null(cpu(3)->on_cell);
	assert_true(cpu(3)->parked);
}

/* CPU 2 takes the request only at the 5th turn of the root's wait. */
static unsigned int turns;

static void cpu2_parks_late(void)
{
	if (++turns == 5)
		fake_cpu_run(2, cell_cpu_check_requests);
}

static void park_waits(void **state)
{
	(void)state;
	fake_arch.on_relax = cpu2_parks_late;
	fake_arch.relax_step = 1000; /* 1 us */
	assert_int_equal(cell_cpus_park(cell), 0);
	assert_int_equal(turns, 5);
	assert_true(cell_cpus_parked(cell->cpu_set));
	assert_true(cell->power_frozen); /* until the next start */
	cell_cpus_thaw(cell);
	assert_false(cell->power_frozen);
}

/*
 * CPU 2 never answers: asked again every millisecond, then after a
 * second of counter time the park gives up and the cell thaws.
 */
static void park_times_out(void **state)
{
	(void)state;
	fake_arch.relax_step = 100000; /* 100 us */
	assert_int_equal(cell_shutdown(cell->id), -ETIMEDOUT);
	assert_true(fake_arch.counter > 1000000000);
	assert_true(fake_arch.kicks >= 900);
	assert_false(cell->power_frozen);
	assert_int_equal(cell->state, WD_CELL_STATE_RUNNING);
	assert_false(cpu(2)->parked);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(power_on_sibling),
		TEST(stopping_freezes_power_on),
		TEST(stopped_cell_powers_on_nothing),
		TEST(pending_is_not_parked),
		TEST(move_rules),
		TEST(stale_power_on_dropped),
		TEST(park_waits),
		TEST(park_times_out),
	};

	return cmocka_run_group_tests_name("core: cell CPUs", tests, NULL,
					   NULL);
}
