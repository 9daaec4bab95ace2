// SPDX-License-Identifier: GPL-2.0
/*
 * The hypercall table (hypervisor/hypercall.c) and what a cell's bad
 * calls and faults cost it (cell_fail.c), on the host: a running cell
 * on CPU 3 calls everything the root may call and is refused with
 * nothing changed; unknown ids are -ENOSYS; a flood of bad calls, or of
 * virtual IRQ overflows, fails the cell and never the root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "world.h"

#include <arch.h>
#include <arch/fake.h>
#include <warden/version.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/hypercall.h>
#include <wd/page_pool.h>
#include <wd/percpu.h>

#define CELL_CPU 3
#define SECOND 1000000000ull /* fake counter ticks */
#define RTC 0x09010000ull /* a device of demo's, mapped 1:1 */
/* A write-only page of demo's: the cell cannot read it, nor may Warden. */
#define WO_IPA 0x60000000ull
#define WO_PA (TB_POOL + 2 * QEMU_VIRT_CELL_RAM_SIZE)

static struct cell *cell;
static u64 cell2_size; /* cell2's config, in the root's RAM */

static long call(unsigned int cpu, u64 id, u64 a1, u64 a2, u64 a3)
{
	fake_arch.this_cpu = cpu;
	return hypercall_dispatch(percpu_of(cpu), id, a1, a2, a3);
}

/* demo (with a device) running on CPU 3, cell2 (CPU 2) offline and not created. */
static int setup(void **state)
{
	struct tb_blob blob;
	long id;

	(void)state;
	tb_scenario_init(&world, WD_GIC_V3);
	tb_add_cell2(&world);
	tb_add_dev(&world.cells[0], "pl031", RTC, 0x1000, 34);
	tb_add_mem(&world.cells[0], WO_PA, WO_IPA, PAGE_SIZE, WD_MEM_WRITE);
	if (world_boot())
		return -1;
	id = world_create(0);
	cell = id > 0 ? cell_find((u64)id) : NULL;
	if (!cell || world_start(cell))
		return -1;
	blob = tb_build_cell(&world.cells[1]);
	memcpy(paging_ptr(WORLD_CONFIG_IPA), blob.data, blob.size);
	cell2_size = blob.size;
	tb_blob_free(&blob);
	fake_arch.relax_step = SECOND / 100; /* a wrong park ends */
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return world_exit();
}

#define CELL ~0ull /* stands for the cell's id */

static const struct {
	u32 id;
	u64 a1, a2;
} root_only[] = {
	{WD_HC_DISABLE, 0, 0},
	{WD_HC_CELL_CREATE, WORLD_CONFIG_IPA, 0 /* cell2_size */},
	{WD_HC_CELL_SET_LOADABLE, CELL, 0},
	{WD_HC_CELL_START, CELL, 0},
	{WD_HC_CELL_SHUTDOWN, CELL, 0},
	{WD_HC_CELL_DESTROY, CELL, 0},
	{WD_HC_CELL_STATE, CELL, 0},
	{WD_HC_CELL_STATS, CELL, CELL_CPU},
	{WD_HC_CELL_MAPPINGS, CELL, 0},
};

/* Each refused, the cell and Warden as they were. */
static void root_only_refused_from_cell(void **state)
{
	u64 used = page_pool_used();
	unsigned int i;
	u64 a1, a2;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(root_only); i++) {
		a1 = root_only[i].a1 == CELL ? cell->id : root_only[i].a1;
		a2 = root_only[i].id == WD_HC_CELL_CREATE ? cell2_size
							  : root_only[i].a2;
		assert_int_equal(
			call(CELL_CPU, root_only[i].id, a1, a2, WORLD_ROOT_BUF),
			-EPERM);
	}
	assert_int_equal(world_disables, 0);
	assert_int_equal(cell_count(), 2);
	assert_int_equal(cell->state, WD_CELL_STATE_RUNNING);
	assert_false(cell->power_frozen);
	assert_int_equal(page_pool_used(), used);
}

/* The same calls from the root do what they say. */
static void root_calls(void **state)
{
	u64 id = cell->id;
	long id2;

	(void)state;
	percpu_of(CELL_CPU)->stats[WD_STAT_FAULT] = 42;
	assert_int_equal(call(0, WD_HC_CELL_STATE, id, 0, 0),
			 WD_CELL_STATE_RUNNING);
	assert_int_equal(call(0, WD_HC_CELL_STATE, 999, 0, 0), -ENOENT);
	assert_int_equal(call(0, WD_HC_CELL_STATS, id, CELL_CPU, WD_STAT_FAULT),
			 42);
	assert_int_equal(call(0, WD_HC_CELL_STATS, id, 2, WD_STAT_FAULT),
			 -EINVAL); /* not the cell's CPU */
	assert_int_equal(call(0, WD_HC_CELL_STATS, id, 64, 0), -EINVAL);
	assert_int_equal(call(0, WD_HC_CELL_STATS, id, CELL_CPU, WD_STAT_COUNT),
			 -EINVAL);
	assert_int_equal(call(0, WD_HC_CELL_STATS, 999, CELL_CPU, 0), -ENOENT);
	id2 = call(0, WD_HC_CELL_CREATE, WORLD_CONFIG_IPA, cell2_size, 0);
	assert_true(id2 > (long)id);
	assert_int_equal(
		call(0, WD_HC_CELL_MAPPINGS, (u64)id2, 0, WORLD_ROOT_BUF), 2);
	assert_int_equal(call(0, WD_HC_CELL_DESTROY, (u64)id2, 0, 0), 0);
	assert_int_equal(call(0, WD_HC_CELL_SET_LOADABLE, id, 0, 0), -EBUSY);
	assert_int_equal(call(0, WD_HC_DISABLE, 0, 0, 0), 0);
	assert_int_equal(world_disables, 1);
	assert_int_equal(call(0, WD_HC_CELL_FAULT, 0, 0, 0), -EPERM);
}

/* Anyone may ask; the answers. */
static void get_info(void **state)
{
	(void)state;
	assert_int_equal(call(CELL_CPU, WD_HC_GET_INFO, WD_INFO_VERSION, 0, 0),
			 (WARDEN_VERSION_MAJOR << 16) | WARDEN_VERSION_MINOR);
	assert_int_equal(
		call(CELL_CPU, WD_HC_GET_INFO, WD_INFO_NUM_CELLS, 0, 0), 2);
	assert_int_equal(call(0, WD_HC_GET_INFO, WD_INFO_MEM_POOL_USED, 0, 0),
			 page_pool_used());
	assert_int_equal(call(0, WD_HC_GET_INFO, WD_INFO_MEM_POOL_SIZE, 0, 0),
			 page_pool_size());
	assert_int_equal(
		call(CELL_CPU, WD_HC_GET_INFO, WD_INFO_COUNTER_HZ, 0, 0),
		arch_counter_freq());
	assert_int_equal(call(0, WD_HC_GET_INFO, 5, 0, 0), -EINVAL);
}

/*
 * The root's calls read the SMMU's events (dma.md); a cell's never: a
 * cell cannot make Warden print the root's faults, nor spend its time.
 */
static void dma_events_on_root_calls(void **state)
{
	unsigned int polls = fake_arch.dma_polls;

	(void)state;
	call(CELL_CPU, WD_HC_GET_INFO, WD_INFO_VERSION, 0, 0);
	call(CELL_CPU, WD_HC_CONSOLE_PUTC, 'x', 0, 0);
	assert_int_equal(fake_arch.dma_polls, polls);
	call(0, WD_HC_GET_INFO, WD_INFO_VERSION, 0, 0);
	call(0, WD_HC_CELL_STATE, cell->id, 0, 0);
	assert_int_equal(fake_arch.dma_polls, polls + 2);
}

static void unknown_ids(void **state)
{
	(void)state;
	assert_int_equal(call(CELL_CPU, WD_HC_BASE - 1, 0, 0, 0), -ENOSYS);
	assert_int_equal(call(CELL_CPU, WD_HC(WD_HC_COUNT), 0, 0, 0), -ENOSYS);
	assert_int_equal(call(0, WD_HC(0xffff), 0, 0, 0), -ENOSYS);
	assert_int_equal(call(0, 0, 0, 0, 0), -ENOSYS);
	assert_true(hypercall_is_warden(WD_HC(WD_HC_COUNT)));
	assert_false(hypercall_is_warden(0x84000000)); /* PSCI's range */
}

static void putc_line(unsigned int cpu, const char *s)
{
	for (; *s; s++)
		assert_int_equal(call(cpu, WD_HC_CONSOLE_PUTC, (u8)*s, 0, 0),
				 0);
}

/* A cell's bytes: one tagged line, made printable; long lines cut. */
static void console(void **state)
{
	char long_line[200];

	(void)state;
	assert_int_equal(call(CELL_CPU, WD_HC_CONSOLE_PUTC, 0x100, 0, 0),
			 -EINVAL);
	putc_line(CELL_CPU, "hi\033[2J\r\n");
	assert_string_equal(world_last_printk, "[demo] hi.[2J\n");
	memset(long_line, 'x', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = '\0';
	putc_line(CELL_CPU, long_line);
	assert_int_equal(strlen(world_last_printk), strlen("[demo] \n") + 120);
	world_printks = 0;
	putc_line(0, "root\n");
	assert_int_equal(world_printks, 5); /* console_write(), unbuffered */
}

/* Puts s at guest-physical ipa of the demo cell's RAM (region 0). */
static void cell_poke(u64 ipa, const char *s, size_t len)
{
	const struct wd_mem_region *ram = wd_cell_mem(cell->desc);

	memcpy(paging_ptr(ram->phys_start + (ipa - ram->virt_start)), s, len);
}

static long cell_write(u64 ipa, u64 len)
{
	return call(CELL_CPU, WD_HC_CONSOLE_WRITE, ipa, len, 0);
}

/* A buffer across a page boundary: one call, the same line as PUTC's. */
static void console_write_buffer(void **state)
{
	static const char line[] = "hi\033[2J\r\n";
	u64 ipa = QEMU_VIRT_GUEST_RAM + PAGE_SIZE - 3;

	(void)state;
	cell_poke(ipa, line, sizeof(line) - 1);
	world_printks = 0;
	assert_int_equal(cell_write(ipa, sizeof(line) - 1), sizeof(line) - 1);
	assert_int_equal(world_printks, 1);
	assert_string_equal(world_last_printk, "[demo] hi.[2J\n");
	assert_int_equal(cell_write(ipa, 0), 0);
	memcpy(paging_ptr(WORLD_ROOT_BUF), "root\n", 5);
	world_printks = 0;
	assert_int_equal(call(0, WD_HC_CONSOLE_WRITE, WORLD_ROOT_BUF, 5, 0), 5);
	assert_int_equal(world_printks, 1); /* one console_write() */
}

/* Bad buffers: refused whole, nothing printed, nothing kept. */
static void console_write_hostile(void **state)
{
	const u64 ram = QEMU_VIRT_GUEST_RAM,
		  end = ram + QEMU_VIRT_CELL_RAM_SIZE;
	const u64 comm = QEMU_VIRT_GUEST_COMM;
	const struct {
		u64 ipa, len;
		long ret;
	} bad[] = {
		{ram, WD_CONSOLE_WRITE_MAX + 1, -EINVAL},
		{ram, ~0ull, -EINVAL},
		{0, 8, -EFAULT}, /* unmapped */
		{TB_POOL - PAGE_SIZE, 8, -EFAULT}, /* the root's RAM */
		{TB_POOL, 8, -EFAULT}, /* a physical address, not the cell's */
		{end - 4, 8, -EFAULT}, /* across the region's end */
		{comm + PAGE_SIZE - 4, 8,
		 -EFAULT}, /* comm page, then nothing */
		{~0ull - 3, 8, -EFAULT}, /* wraps */
		{QEMU_VIRT_UART_BASE, 8, -EFAULT}, /* not the cell's */
		{RTC, 8, -EFAULT}, /* its device: never read by Warden */
		{WO_IPA, 8, -EFAULT}, /* its RAM, but not readable */
	};
	unsigned int i;

	(void)state;
	cell_poke(end - 4, "abcd", 4);
	world_printks = 0;
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(cell_write(bad[i].ipa, bad[i].len),
				 bad[i].ret);
	assert_int_equal(cell->console.len, 0);
	assert_int_equal(world_printks, 0);
	assert_int_equal(cell_write(comm, 8), 8); /* its own comm page */
	assert_int_equal(call(0, WD_HC_CONSOLE_WRITE, TB_POOL, 8, 0), -EFAULT);
	assert_int_equal(cell->state, WD_CELL_STATE_RUNNING);
}

/* The cell's print budget holds for buffers: a flood is cut short. */
static void console_write_budget(void **state)
{
	char line[100];
	unsigned int i;

	(void)state;
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	cell_poke(QEMU_VIRT_GUEST_RAM, line, sizeof(line));
	fake_arch.counter = 7 * SECOND;
	world_printks = 0;
	for (i = 0; i < 40; i++)
		assert_int_equal(cell_write(QEMU_VIRT_GUEST_RAM, sizeof(line)),
				 sizeof(line));
	assert_in_range(world_printks, 15, 25); /* 2048 bytes at once */
}

/* The inmate reports its own exception: the cell fails, once. */
static void cell_fault(void **state)
{
	(void)state;
	assert_int_equal(
		call(CELL_CPU, WD_HC_CELL_FAULT, 0x25ull << 26, 0x40001000, 0),
		0);
	assert_int_equal(cell->state, WD_CELL_STATE_FAILED);
	assert_non_null(strstr(world_last_printk, "unhandled exception"));
	assert_non_null(strstr(world_last_printk, "0x40001000"));
	assert_int_equal(percpu_of(CELL_CPU)->stats[WD_STAT_FAULT], 1);
	assert_true(cell->power_frozen);
	assert_true(percpu_of(CELL_CPU)->request & CPU_REQ_PARK);
	assert_int_equal(fake_arch.traps_printed, 1);
	assert_int_equal(call(CELL_CPU, WD_HC_CELL_FAULT, 0, 0, 0), 0);
	assert_int_equal(fake_arch.traps_printed, 1); /* already failed */
}

static void bad_calls(unsigned int cpu, unsigned int n)
{
	while (n--)
		cell_bad_call(percpu_of(cpu), 0x40000100);
}

/* 1000 bad calls a second are probes; the 1001st fails the cell. */
static void bad_call_flood(void **state)
{
	(void)state;
	fake_arch.counter = 5 * SECOND;
	bad_calls(CELL_CPU, 1000);
	fake_arch.counter += SECOND + 1; /* a new window */
	bad_calls(CELL_CPU, 1000);
	assert_int_equal(cell->state, WD_CELL_STATE_RUNNING);
	world_printks = 0;
	bad_calls(0, 100000); /* the root: never, not even a message */
	assert_int_equal(world_printks, 0);
	bad_calls(CELL_CPU, 1);
	assert_int_equal(cell->state, WD_CELL_STATE_FAILED);
	assert_non_null(strstr(world_last_printk, "hypercall flood"));
}

/* A cell that cannot take its interrupts: failed past 100 a second. */
static void virq_flood(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		cell_virq_overflow(percpu_of(0), 33);
	assert_int_equal(root_cell.state, WD_CELL_STATE_RUNNING);
	for (i = 0; i < 100; i++)
		cell_virq_overflow(percpu_of(CELL_CPU), 40);
	assert_int_equal(cell->state, WD_CELL_STATE_RUNNING);
	cell_virq_overflow(percpu_of(CELL_CPU), 40);
	assert_int_equal(cell->state, WD_CELL_STATE_FAILED);
	assert_non_null(strstr(world_last_printk, "virtual IRQ flood"));
}

/* The root's faults are only reported, a few times. */
static void root_fault_reported(void **state)
{
	unsigned int i;

	(void)state;
	world_printks = 0;
	for (i = 0; i < 100; i++)
		cell_fail(&root_cell, "data abort", 0x7f000000);
	assert_int_equal(root_cell.state, WD_CELL_STATE_RUNNING);
	assert_true(world_printks >= 1 && world_printks <= 16);
	assert_non_null(strstr(world_last_printk, "refused"));
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(root_only_refused_from_cell),
		TEST(root_calls),
		TEST(dma_events_on_root_calls),
		TEST(get_info),
		TEST(unknown_ids),
		TEST(console),
		TEST(console_write_buffer),
		TEST(console_write_hostile),
		TEST(console_write_budget),
		TEST(cell_fault),
		TEST(bad_call_flood),
		TEST(virq_flood),
		TEST(root_fault_reported),
	};

	return cmocka_run_group_tests_name("core: hypercalls", tests, NULL,
					   NULL);
}
