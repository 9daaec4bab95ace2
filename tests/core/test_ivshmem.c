// SPDX-License-Identifier: GPL-2.0
/*
 * Shared-memory links (hypervisor/ivshmem.c) on the host, between real
 * cells: link 1 joins the root and demo, link 2 demo and cell2. A cell
 * rings only links it declares and only their peers; a state change
 * rings the running peers; a cell destroyed leaves its links; a link's
 * memory is scrubbed when its last sharer goes, never before.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "world.h"

#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/hypercall.h>
#include <wd/ivshmem.h>
#include <wd/percpu.h>

#define LINK1_MEM 0x7ee00000ull /* root and demo */
#define LINK2_MEM 0x7ed00000ull /* demo and cell2 */
#define LINK_SIZE 0x00100000ull
#define SHARED_RW (TB_RW | WD_MEM_SHARED)
#define ROOT_BELL 224
#define DEMO_BELL1 225
#define DEMO_BELL2 226
#define CELL2_BELL 227
#define CELL2_BELL1 228

static struct cell *demo, *cell2;

static void add_link(struct tb_cell *c, u32 id, u64 mem, u32 bell)
{
	u64 ipa = 0x50000000 + id * LINK_SIZE;
	unsigned int m = tb_add_mem(c, mem, ipa, LINK_SIZE, SHARED_RW);

	tb_add_irq(c, bell);
	tb_add_link(c, id, m, bell);
}

static struct cell *create(unsigned int i)
{
	long id = world_create(i);

	return id > 0 ? cell_find((u64)id) : NULL;
}

/*
 * The root and demo on link 1. cell2 on link 2 with demo (setup), or on
 * link 1 as a third peer (setup_three), started too.
 */
static int build(bool three)
{
	struct tb_cell *root = &world.system.root;
	unsigned int m;

	tb_scenario_init(&world, WD_GIC_V3);
	tb_add_cell2(&world);
	m = tb_add_mem(root, LINK1_MEM, LINK1_MEM, LINK_SIZE, SHARED_RW);
	tb_add_link(root, 1, m, ROOT_BELL);
	add_link(&world.cells[0], 1, LINK1_MEM, DEMO_BELL1);
	if (three) {
		add_link(&world.cells[1], 1, LINK1_MEM, CELL2_BELL1);
	} else {
		add_link(&world.cells[0], 2, LINK2_MEM, DEMO_BELL2);
		add_link(&world.cells[1], 2, LINK2_MEM, CELL2_BELL);
	}
	if (world_boot())
		return -1;
	demo = create(0);
	cell2 = create(1);
	if (!demo || !cell2 || world_start(demo) ||
	    (three && world_start(cell2)))
		return -1;
	fake_arch.doorbells = 0;
	return 0;
}

/* Both cells created; demo runs, cell2 does not. */
static int setup(void **state)
{
	(void)state;
	return build(false);
}

/* cell2 also on link 1 (CELL2_BELL1) and running: three peers. */
static int setup_three(void **state)
{
	(void)state;
	return build(true);
}

static int teardown(void **state)
{
	(void)state;
	return world_exit();
}

static void rang(unsigned int n, u32 last)
{
	assert_int_equal(fake_arch.doorbells, n);
	if (n)
		assert_int_equal(fake_arch.last_doorbell, last);
	fake_arch.doorbells = 0;
}

/* Rings reach running peers of the link only. */
static void doorbells(void **state)
{
	(void)state;
	assert_int_equal(ivshmem_doorbell(demo, 1, WD_DOORBELL_ALL_PEERS), 1);
	rang(1, ROOT_BELL);
	assert_int_equal(ivshmem_doorbell(demo, 1, root_cell.id), 1);
	rang(1, ROOT_BELL);
	assert_int_equal(ivshmem_doorbell(&root_cell, 1, demo->id), 1);
	rang(1, DEMO_BELL1);
	/* cell2 is no peer on link 1, nor does it declare it. */
	assert_int_equal(ivshmem_doorbell(demo, 1, cell2->id), -ENOENT);
	assert_int_equal(ivshmem_doorbell(cell2, 1, demo->id), -ENOENT);
	assert_int_equal(ivshmem_doorbell(demo, 3, root_cell.id), -ENOENT);
	assert_int_equal(ivshmem_doorbell(demo, 2, root_cell.id), -ENOENT);
	/* A peer that does not run is not rung. */
	assert_int_equal(ivshmem_doorbell(demo, 2, cell2->id), -EAGAIN);
	assert_int_equal(ivshmem_doorbell(cell2, 2, WD_DOORBELL_ALL_PEERS), 1);
	rang(1, DEMO_BELL2);
	assert_int_equal(ivshmem_doorbell(demo, 1, demo->id), -ENOENT);
	rang(0, 0);
	/* The same through the hypercalls, from demo's CPU. */
	assert_int_equal(hypercall_dispatch(percpu_of(3), WD_HC_DOORBELL, 1,
					    WD_DOORBELL_ALL_PEERS, 0),
			 1);
	rang(1, ROOT_BELL);
	assert_int_equal(
		hypercall_dispatch(percpu_of(3), WD_HC_LINK_STATE, 2, 0, 0), 0);
}

static void link_state(void **state)
{
	(void)state;
	assert_int_equal(ivshmem_link_state(demo, 1), 1);
	assert_int_equal(ivshmem_link_state(demo, 2), 0);
	assert_int_equal(ivshmem_link_state(cell2, 2), 1);
	assert_int_equal(ivshmem_link_state(cell2, 1), -ENOENT);
	assert_int_equal(ivshmem_link_state(&root_cell, 1), 1);
	assert_int_equal(world_start(cell2), 0);
	assert_int_equal(ivshmem_link_state(demo, 2), 1);
	rang(1, DEMO_BELL2); /* cell2 started: demo, running, is told */
}

/* Every state change of demo rings its running peers on each link. */
static void state_changes_ring_peers(void **state)
{
	(void)state;
	cell_set_state(demo, WD_CELL_STATE_SHUT_DOWN);
	rang(1, ROOT_BELL); /* cell2 does not run */
	assert_int_equal(world_start(cell2), 0);
	rang(0, 0); /* demo, its only peer, does not run */
	assert_true(cell_change_state(demo, WD_CELL_STATE_SHUT_DOWN,
				      WD_CELL_STATE_RUNNING));
	rang(2, CELL2_BELL);
	assert_false(cell_change_state(demo, WD_CELL_STATE_SHUT_DOWN,
				       WD_CELL_STATE_RUNNING));
	rang(0, 0);
	cell_set_state(&root_cell, WD_CELL_STATE_RUNNING); /* the root */
	rang(0, 0);
}

/* demo's CPU takes the park request while the root waits for it. */
static void demo_cpu_answers(void)
{
	fake_cpu_run(3, cell_cpu_check_requests);
}

/* Destroyed, demo is no peer any more; its running peers were told. */
static void destroy_leaves_links(void **state)
{
	u64 id = demo->id;

	(void)state;
	assert_int_equal(world_start(cell2), 0);
	fake_arch.on_relax = demo_cpu_answers;
	fake_arch.doorbells = 0;
	assert_int_equal(cell_destroy(id), 0);
	assert_int_equal(fake_arch.doorbells, 2); /* root and cell2 */
	assert_int_equal(ivshmem_doorbell(cell2, 2, id), -ENOENT);
	assert_int_equal(ivshmem_link_state(cell2, 2), 0);
	assert_int_equal(ivshmem_doorbell(&root_cell, 1, WD_DOORBELL_ALL_PEERS),
			 -ENOENT);
}

static u8 first_byte(u64 pa)
{
	return *(u8 *)paging_ptr(pa);
}

/*
 * Link 2's memory outlives demo (cell2 maps it) and is scrubbed with
 * cell2, its last sharer; link 1's is the root's too: never scrubbed.
 */
static void last_sharer_scrubs(void **state)
{
	(void)state;
	memset(paging_ptr(LINK1_MEM), 0x11, LINK_SIZE);
	memset(paging_ptr(LINK2_MEM), 0x22, LINK_SIZE);
	fake_arch.on_relax = demo_cpu_answers;
	assert_int_equal(cell_destroy(demo->id), 0);
	assert_int_equal(first_byte(LINK1_MEM), 0x11);
	assert_int_equal(first_byte(LINK2_MEM), 0x22);
	assert_int_equal(cell_destroy(cell2->id), 0);
	assert_int_equal(first_byte(LINK1_MEM), 0x11);
	assert_int_equal(first_byte(LINK2_MEM), 0);
	assert_int_equal(first_byte(LINK2_MEM + LINK_SIZE - 1), 0);
}

/*
 * The root maps link 1's memory (SHARED, in the cell pool) but Warden
 * never reads a config from there: its EL2 mapping for the copy could
 * alias Warden's own pool mappings.
 */
static void no_config_from_link_memory(void **state)
{
	(void)state;
	assert_int_equal(cell_create(LINK1_MEM, 256), -EFAULT);
	assert_int_equal(cell_count(), 3);
}

/*
 * A ring reaches each running peer once, through the link-end table:
 * the first peer's doorbell is cached in the ringer's end, so it must
 * follow when that peer leaves (the root's first peer on link 1 is
 * demo, then cell2).
 */
static void three_peers(void **state)
{
	(void)state;
	assert_int_equal(ivshmem_doorbell(&root_cell, 1, WD_DOORBELL_ALL_PEERS),
			 2);
	rang(2, CELL2_BELL1);
	assert_int_equal(ivshmem_doorbell(&root_cell, 1, cell2->id), 1);
	rang(1, CELL2_BELL1);
	assert_int_equal(ivshmem_doorbell(&root_cell, 1, demo->id), 1);
	rang(1, DEMO_BELL1);
	assert_int_equal(ivshmem_doorbell(cell2, 1, WD_DOORBELL_ALL_PEERS), 2);
	rang(2, DEMO_BELL1);
	assert_int_equal(ivshmem_link_state(demo, 1), 2);
	fake_arch.on_relax = demo_cpu_answers;
	assert_int_equal(cell_destroy(demo->id), 0);
	fake_arch.doorbells = 0;
	assert_int_equal(ivshmem_doorbell(&root_cell, 1, WD_DOORBELL_ALL_PEERS),
			 1);
	rang(1, CELL2_BELL1);
	assert_int_equal(ivshmem_doorbell(cell2, 1, WD_DOORBELL_ALL_PEERS), 1);
	rang(1, ROOT_BELL);
	assert_int_equal(ivshmem_link_state(cell2, 1), 1);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(doorbells),
		TEST(link_state),
		TEST(state_changes_ring_peers),
		TEST(destroy_leaves_links),
		TEST(last_sharer_scrubs),
		TEST(no_config_from_link_memory),
		cmocka_unit_test_setup_teardown(three_peers, setup_three,
						teardown),
	};

	return cmocka_run_group_tests_name("core: ivshmem", tests, NULL, NULL);
}
