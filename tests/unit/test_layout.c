// SPDX-License-Identifier: GPL-2.0
/*
 * Blob layout: header, truncation at every length, counts, total_size,
 * padding, alignment; the accessors; the set check's handling of broken
 * blobs; the report contract; and random mutations under ASan/UBSan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "recorder.h"

static struct scenario s;
static struct recorder rec;

static int setup(void **state)
{
	(void)state;
	tb_scenario_init(&s, WD_GIC_V3);
	rec_init(&rec);
	return 0;
}

static struct wd_header *header_of(struct tb_blob *b)
{
	return b->data;
}

static struct wd_cell *cell_of(struct tb_blob *b)
{
	return (struct wd_cell *)((char *)b->data + sizeof(struct wd_header));
}

/* A cell blob with every array present and an odd number of IRQs. */
static struct tb_blob full_cell(void)
{
	unsigned int m = tb_add_mem(&s.cells[0], 0x7ee00000, 0x50000000, 0x1000,
				    TB_RW | WD_MEM_SHARED);

	tb_add_dev(&s.cells[0], "uart1", 0x08200000, 0x1000, 40);
	tb_add_irq(&s.cells[0], 41);
	tb_add_link(&s.cells[0], 1, m, 41); /* 41 is its doorbell */
	return tb_build_cell(&s.cells[0]);
}

static void valid_blobs_pass(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system), cell = full_cell();

	(void)state;
	assert_int_equal(wd_check_system(sys.data, sys.size, &rec.report), 0);
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report), 0);
	assert_int_equal(wd_check_layout(sys.data, sys.size, WD_KIND_SYSTEM),
			 0);
	assert_int_equal(wd_check_layout(cell.data, cell.size, WD_KIND_CELL),
			 0);
	assert_clean(&rec);
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

static void misaligned_buffer(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);
	struct tb_blob big = tb_blob_resize(&cell, cell.size + 8);
	char *odd = (char *)big.data + 4;

	(void)state;
	memmove(odd, big.data, cell.size);
	assert_int_equal(wd_check_cell(odd, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "blob", -1, "not 8-byte aligned");
	assert_int_equal(wd_check_cell(NULL, 0, &rec.report), -WD_EINVAL);
	assert_violation(&rec, "blob", -1, "no buffer");
	assert_int_equal(rec.report.count, 2);
	tb_blob_free(&big);
	tb_blob_free(&cell);
}

/* Every length that cuts the header or the descriptor is refused. */
static void truncated_descriptor(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system), cut;
	wd_u64 size, fixed = 16 + sizeof(struct wd_system) + 96;

	(void)state;
	for (size = 0; size < fixed; size++) {
		rec_init(&rec);
		cut = tb_blob_resize(&sys, size);
		assert_int_equal(wd_check_system(cut.data, size, &rec.report),
				 -WD_EINVAL);
		assert_int_equal(
			wd_check_layout(cut.data, size, WD_KIND_SYSTEM),
			-WD_EINVAL);
		assert_violation(&rec, "header", -1, "truncated");
		tb_blob_free(&cut);
	}
	tb_blob_free(&sys);
}

static void truncated_arrays(void **state)
{
	struct tb_blob cell = full_cell(), cut;
	wd_u64 size;

	(void)state;
	for (size = 16 + 96; size < cell.size - 4; size++) {
		rec_init(&rec);
		cut = tb_blob_resize(&cell, size);
		assert_int_equal(wd_check_cell(cut.data, size, &rec.report),
				 -WD_EINVAL);
		assert_int_equal(wd_check_layout(cut.data, size, WD_KIND_CELL),
				 -WD_EINVAL);
		assert_violation(&rec, "total_size", -1, "truncated");
		tb_blob_free(&cut);
	}
	tb_blob_free(&cell);
}

static void bad_magic(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	header_of(&cell)->magic ^= 1;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "magic", -1, "0x4e445256 is not 0x4e445257");
	assert_int_equal(rec.report.count, 1); /* nothing else is read */
	tb_blob_free(&cell);
}

static void bad_revision(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	header_of(&cell)->revision = 1; /* before bank_mask and banks */
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "revision", -1,
			 "config revision 1, this Warden reads 6");
	tb_blob_free(&cell);
}

/* Revision 3 had GIC fields where the platform's common part is now. */
static void revision_3_refused(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);

	(void)state;
	header_of(&sys)->revision = 3;
	header_of(&sys)->arch = 0; /* was reserved */
	assert_int_equal(wd_check_system(sys.data, sys.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "revision", -1,
			 "config revision 3, this Warden reads 6: rebuild the "
			 "config");
	assert_int_equal(rec.report.count, 1); /* nothing else is read */
	tb_blob_free(&sys);
}

static void wrong_kind(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	assert_int_equal(wd_check_cell(sys.data, sys.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "kind", -1, "1, expected 2 (a cell config)");
	assert_int_equal(wd_check_system(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "kind", -1, "2, expected 1 (a system config)");
	header_of(&cell)->kind = 0;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "kind", -1, "0, expected 2");
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

static void unknown_arch(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	header_of(&cell)->arch = 9;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "arch", -1, "9 is not a known arch");
	assert_int_equal(rec.report.count, 1); /* nothing else is read */
	tb_blob_free(&cell);
}

/*
 * The same bytes as x86: its rules read the union as platform.x86 (the
 * arm64 GIC fields make no local APIC base): test_x86_rules.c has them.
 */
static void x86_refused(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);

	(void)state;
	header_of(&sys)->arch = WD_ARCH_X86;
	assert_int_equal(wd_check_system(sys.data, sys.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "platform.x86.lapic_base", -1, "local APIC");
	tb_blob_free(&sys);
}

/* A cell blob for another arch than the system's is not compared. */
static void set_arch_mismatch(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob cell = tb_build_cell(&s.cells[0]);
	struct wd_blob set = {cell.data, cell.size};

	(void)state;
	header_of(&cell)->arch = WD_ARCH_X86;
	assert_int_equal(wd_check_set(&(struct wd_blob){sys.data, sys.size},
				      &set, 1, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "arch", -1,
			 "a cell for x86, the system is arm64");
	assert_int_equal(rec.report.count, 1);
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

static void counts_over_limits(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	cell_of(&cell)->num_mem_regions = WD_MAX_MEM_REGIONS + 1;
	cell_of(&cell)->num_devices = WD_MAX_DEVICES + 1;
	cell_of(&cell)->num_links = WD_MAX_LINKS + 1;
	cell_of(&cell)->num_irqs = 0xffffffffu;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "num_mem_regions", -1,
			 "65 exceeds the limit 64");
	assert_violation(&rec, "num_devices", -1, "17 exceeds the limit 16");
	assert_violation(&rec, "num_links", -1, "9 exceeds the limit 8");
	assert_violation(&rec, "num_irqs", -1, "4294967295 exceeds");
	tb_blob_free(&cell);
}

/* The largest cell the format allows, every entry valid. */
static void counts_at_limits(void **state)
{
	struct tb_cell *c = &s.cells[0];
	unsigned int i;

	(void)state;
	for (i = c->cell.num_mem_regions; i < WD_MAX_MEM_REGIONS; i++)
		tb_add_mem(c, TB_POOL + 0x01000000 + i * 0x1000,
			   0x50000000 + i * 0x1000, 0x1000, TB_RW);
	for (i = 0; i < WD_MAX_DEVICES; i++)
		tb_add_dev(c, "dev", 0x08200000 + i * 0x1000, 0x1000, 32 + i);
	for (i = 0; i < WD_MAX_IRQS; i++)
		tb_add_irq(c, 100 + i);
	for (i = 0; i < WD_MAX_LINKS; i++) { /* the last regions, shared */
		c->mem[WD_MAX_MEM_REGIONS - 1 - i].flags |= WD_MEM_SHARED;
		tb_add_link(c, i + 1, WD_MAX_MEM_REGIONS - 1 - i, 100 + i);
	}
	rec_run(&rec, &s);
	assert_clean(&rec);
}

static void total_size_mismatch(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	header_of(&cell)->total_size += 8;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "total_size", -1, "184, but the blob is 176");
	tb_blob_free(&cell);
}

static void trailing_bytes(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);
	struct tb_blob big = tb_blob_resize(&cell, cell.size + 8);

	(void)state;
	header_of(&big)->total_size = big.size;
	assert_int_equal(wd_check_cell(big.data, big.size, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "total_size", -1, "184 bytes, its descriptor");
	tb_blob_free(&big);
	tb_blob_free(&cell);
}

/* C compilers pad the config struct to 8 bytes; hand-made blobs may not. */
static void padding_optional(void **state)
{
	struct tb_blob cell = full_cell(), tight;

	(void)state;
	assert_int_equal(cell.size % 8, 0);
	tight = tb_blob_resize(&cell, cell.size - 4);
	header_of(&tight)->total_size = tight.size;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report), 0);
	assert_int_equal(wd_check_cell(tight.data, tight.size, &rec.report), 0);
	tb_blob_free(&tight);
	tb_blob_free(&cell);
}

static void accessors(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system), cell = full_cell();
	const struct wd_cell *c = wd_config_cell(cell.data);
	const struct wd_cell *root = wd_config_root(sys.data);

	(void)state;
	assert_int_equal(wd_config_system(sys.data)->platform.arm64.num_irqs,
			 288);
	assert_string_equal(root->name, "root");
	assert_int_equal(wd_cell_mem(root)[3].phys_start, 0x10000000);
	assert_string_equal(c->name, "demo");
	assert_int_equal(wd_cell_mem(c)[1].phys_start, TB_HV - 0x1000);
	assert_string_equal(wd_cell_devices(c)[0].name, "uart1");
	assert_int_equal(wd_cell_irqs(c)[0], 41);
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

static void report_optional(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	assert_int_equal(wd_check_cell(cell.data, cell.size, NULL), 0);
	cell_of(&cell)->cpu_set = 0;
	assert_int_equal(wd_check_cell(cell.data, cell.size, NULL), -WD_EINVAL);
	tb_blob_free(&cell);
}

/* Counts accumulate; a check's result is about its own findings only. */
static void report_accumulates(void **state)
{
	struct tb_blob cell = tb_build_cell(&s.cells[0]);

	(void)state;
	cell_of(&cell)->cpu_set = 0;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report),
			 -WD_EINVAL);
	cell_of(&cell)->cpu_set = 8;
	assert_int_equal(wd_check_cell(cell.data, cell.size, &rec.report), 0);
	assert_int_equal(rec.report.count, 1);
	tb_blob_free(&cell);
}

/* Names reach terminals: control characters must not get through. */
static void names_sanitised(void **state)
{
	(void)state;
	strcpy(s.cells[0].cell.name, "\x1b[31mred");
	s.cells[0].cell.cpu_set = 0;
	rec_run(&rec, &s);
	assert_violation(&rec, "cpu_set", -1, "empty");
	assert_string_equal(rec.v[0].cell, "?[31mred");
}

static void set_subjects(void **state)
{
	unsigned int i = tb_add_cell2(&s);

	(void)state;
	s.cells[i].cell.cpu_set = 1ull << 9;
	rec_run(&rec, &s);
	assert_violation(&rec, "cpu_set", 9, "does not exist");
	assert_int_equal(rec_count_subject(&rec, 1), 1);
	assert_int_equal(rec.v[0].subject, 1);
	assert_string_equal(rec.v[0].cell, "cell2");
}

/* A broken cell is named and skipped; the others are still compared. */
static void set_skips_broken_cell(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob a = tb_build_cell(&s.cells[0]), b;
	struct wd_blob set[3];
	unsigned int i = tb_add_cell2(&s);

	(void)state;
	s.cells[i].cell.cpu_set = 8; /* CPU 3, also demo's */
	b = tb_build_cell(&s.cells[i]);
	set[0] = (struct wd_blob){a.data, a.size};
	set[1] = (struct wd_blob){a.data, 40};
	set[2] = (struct wd_blob){b.data, b.size};
	assert_int_equal(wd_check_set(&(struct wd_blob){sys.data, sys.size},
				      set, 3, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "blob", -1, "invalid cell config");
	assert_int_equal(rec.v[0].subject, 1);
	assert_violation(&rec, "cpu_set", -1, "also belong to cell 'demo'");
	tb_blob_free(&sys);
	tb_blob_free(&a);
	tb_blob_free(&b);
}

static void set_broken_system(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob cell = tb_build_cell(&s.cells[0]);
	struct wd_blob set = {cell.data, cell.size};

	(void)state;
	header_of(&sys)->magic = 0;
	assert_int_equal(wd_check_set(&(struct wd_blob){sys.data, sys.size},
				      &set, 1, &rec.report),
			 -WD_EINVAL);
	assert_violation(&rec, "blob", -1, "invalid system config");
	assert_int_equal(rec.v[0].subject, WD_CHECK_SYSTEM);
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

/* Both x86: compared as a set (the platform is wd_check_system's). */
static void set_x86_system(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob cell = tb_build_cell(&s.cells[0]);
	struct wd_blob set = {cell.data, cell.size};

	(void)state;
	header_of(&sys)->arch = WD_ARCH_X86;
	header_of(&cell)->arch = WD_ARCH_X86;
	assert_int_equal(wd_check_set(&(struct wd_blob){sys.data, sys.size},
				      &set, 1, &rec.report),
			 0);
	assert_int_equal(rec.report.count, 0);
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

static unsigned int next_random(unsigned int *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* Mutates a copy of b: a few bytes flipped, maybe cut short. */
static struct tb_blob mutate(const struct tb_blob *b, unsigned int *seed)
{
	wd_u64 size = b->size;
	struct tb_blob m;
	unsigned int n;

	if (next_random(seed) % 4 == 0)
		size = next_random(seed) % (b->size + 1);
	m = tb_blob_resize(b, size);
	for (n = next_random(seed) % 4 + 1; size && n; n--)
		((unsigned char *)m.data)[next_random(seed) % size] ^=
			1u << (next_random(seed) % 8);
	return m;
}

/* The result must agree with the count, and nothing may read past size. */
static void random_mutations(void **state)
{
	struct tb_blob sys = tb_build_system(&s.system), cell = full_cell();
	unsigned int seed = 1, i, before;
	struct tb_blob ms, mc;
	int ret;

	(void)state;
	for (i = 0; i < 20000; i++) {
		ms = mutate(&sys, &seed);
		mc = mutate(&cell, &seed);
		before = rec.report.count;
		ret = wd_check_set(&(struct wd_blob){ms.data, ms.size},
				   &(struct wd_blob){mc.data, mc.size}, 1,
				   &rec.report);
		assert_int_equal(ret == 0, rec.report.count == before);
		wd_check_system(ms.data, ms.size, NULL);
		wd_check_cell(mc.data, mc.size, NULL);
		tb_blob_free(&ms);
		tb_blob_free(&mc);
	}
	tb_blob_free(&sys);
	tb_blob_free(&cell);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(valid_blobs_pass, setup),
		cmocka_unit_test_setup(misaligned_buffer, setup),
		cmocka_unit_test_setup(truncated_descriptor, setup),
		cmocka_unit_test_setup(truncated_arrays, setup),
		cmocka_unit_test_setup(bad_magic, setup),
		cmocka_unit_test_setup(bad_revision, setup),
		cmocka_unit_test_setup(wrong_kind, setup),
		cmocka_unit_test_setup(revision_3_refused, setup),
		cmocka_unit_test_setup(unknown_arch, setup),
		cmocka_unit_test_setup(x86_refused, setup),
		cmocka_unit_test_setup(set_arch_mismatch, setup),
		cmocka_unit_test_setup(counts_over_limits, setup),
		cmocka_unit_test_setup(counts_at_limits, setup),
		cmocka_unit_test_setup(total_size_mismatch, setup),
		cmocka_unit_test_setup(trailing_bytes, setup),
		cmocka_unit_test_setup(padding_optional, setup),
		cmocka_unit_test_setup(accessors, setup),
		cmocka_unit_test_setup(report_optional, setup),
		cmocka_unit_test_setup(report_accumulates, setup),
		cmocka_unit_test_setup(names_sanitised, setup),
		cmocka_unit_test_setup(set_subjects, setup),
		cmocka_unit_test_setup(set_skips_broken_cell, setup),
		cmocka_unit_test_setup(set_broken_system, setup),
		cmocka_unit_test_setup(set_x86_system, setup),
		cmocka_unit_test_setup(random_mutations, setup),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
