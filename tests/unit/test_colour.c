// SPDX-License-Identifier: GPL-2.0
/*
 * Cache colouring and DRAM banks: the frame model of wd/colour.h against
 * a brute-force reference, and every checker rule about colours and banks
 * (platform bank_mask, a cell alone, a cell in the system, pairs of
 * cells), each with a failing and a passing case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <wd/colour.h>

#include "rule_cases.h"

#define PLAT(s) (&(s)->system.sys.platform)
#define SYS(s) (&(s)->system.sys)
#define ROOT(s) (&(s)->system.root)
#define DEMO(s) (&(s)->cells[0])
#define FRAME 0x1000ull
#define WAY_QEMU 0x20000ull /* cortex-a57 L2: 2 MiB / 16 ways */
#define BANKS_QEMU 0x60000ull /* Warden's made-up QEMU banks: bits 17-18 */

/* ---- The model against a reference written the slow, obvious way. ---- */

static wd_u64 ref_colours(wd_u64 way)
{
	wd_u64 n = 1;

	while (n < 64 && n * 2 <= way / FRAME)
		n *= 2;
	return n;
}

static wd_u64 ref_bank(wd_u64 mask, wd_u64 pa)
{
	wd_u64 bank = 0;
	unsigned int bit, out = 0;

	for (bit = 0; bit < 64; bit++) {
		if (!(mask >> bit & 1))
			continue;
		bank |= (pa >> bit & 1) << out;
		out++;
	}
	return bank;
}

static int ref_in(wd_u64 set, wd_u64 n)
{
	return !set || (n < 64 && (set >> n & 1));
}

static int ref_ok(wd_u64 way, wd_u64 bank_mask, const struct colour_set *s,
		  wd_u64 pa)
{
	return ref_in(s->colours, pa / FRAME % ref_colours(way)) &&
	       ref_in(s->banks, ref_bank(bank_mask, pa));
}

static void geometry_counts_colours(void **state)
{
	struct colour_geometry g;

	(void)state;
	colour_geometry_init(&g, WAY_QEMU, 0);
	assert_int_equal(colour_count(&g), 32);
	colour_geometry_init(&g, 0, 0); /* unknown: one colour */
	assert_int_equal(colour_count(&g), 1);
	colour_geometry_init(&g, 0x800, 0); /* below a frame */
	assert_int_equal(colour_count(&g), 1);
	colour_geometry_init(&g, 0x30000, 0); /* not a power of two */
	assert_int_equal(colour_count(&g), 32);
	colour_geometry_init(&g, 0x100000, 0); /* 256 colours: bit = n % 64 */
	assert_int_equal(colour_count(&g), 64);
	assert_int_equal(colour_of(&g, 0x41000), 1);
}

static void colour_and_bank_of_frames(void **state)
{
	struct colour_geometry g;

	(void)state;
	colour_geometry_init(&g, WAY_QEMU, BANKS_QEMU);
	assert_int_equal(colour_of(&g, 0x40000000), 0);
	assert_int_equal(colour_of(&g, 0x4001ffff), 31);
	assert_int_equal(colour_of(&g, 0x40020000), 0);
	assert_int_equal(bank_of(&g, 0x40000000), 0);
	assert_int_equal(bank_of(&g, 0x40020000), 1);
	assert_int_equal(bank_of(&g, 0x40040000), 2);
	assert_int_equal(bank_of(&g, 0x4007f000), 3);
	colour_geometry_init(&g, 0x10000, 0x1e000); /* ZCU102: bits 13-16 */
	assert_int_equal(bank_of(&g, 0x2000), 1);
	assert_int_equal(bank_of(&g, 0x10000), 8);
	assert_int_equal(bank_of(&g, 0xfffff000), 15);
}

static void walk_in_address_order(void **state)
{
	static const wd_u64 want[] = {0x0,     0x1000,	0x20000,
				      0x21000, 0x40000, 0x41000};
	struct colour_set s = {0x3, 0};
	struct colour_geometry g;
	struct colour_walk w;
	wd_u64 pa;
	unsigned int i;

	(void)state;
	colour_geometry_init(&g, WAY_QEMU, 0);
	colour_walk_init(&w, &g, &s, 0, 0x42000);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_true(colour_next_frame(&w, &pa));
		assert_int_equal(pa, want[i]);
	}
	assert_false(colour_next_frame(&w, &pa));
	assert_false(colour_next_frame(&w, &pa)); /* stays done */
}

static wd_u64 rng_state = 0x9e3779b97f4a7c15ull;

static wd_u64 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Up to four bank bits among 12..22, sometimes none. */
static wd_u64 random_bank_mask(void)
{
	wd_u64 mask = 0;
	unsigned int i, n = rng() % 5;

	for (i = 0; i < n; i++)
		mask |= 1ull << (12 + rng() % 11);
	return mask;
}

static wd_u64 random_set(unsigned int bits)
{
	wd_u64 set = rng() & rng();

	if (rng() % 4 == 0)
		return 0; /* everything */
	return bits < 64 ? set & ((1ull << bits) - 1) : set;
}

static void compare_walk(wd_u64 way, wd_u64 bank_mask,
			 const struct colour_set *s, wd_u64 start, wd_u64 end)
{
	struct colour_geometry g;
	struct colour_walk w;
	wd_u64 pa, ref, count = 0;

	colour_geometry_init(&g, way, bank_mask);
	colour_walk_init(&w, &g, s, start, end);
	for (ref = start; ref + FRAME <= end; ref += FRAME) {
		if (!ref_ok(way, bank_mask, s, ref))
			continue;
		assert_true(colour_next_frame(&w, &pa));
		assert_int_equal(pa, ref);
		assert_true(colour_frame_ok(&g, s, pa));
		count++;
	}
	assert_false(colour_next_frame(&w, &pa));
	assert_int_equal(colour_count_frames(&g, s, start, end), count);
}

/* Every frame the walk yields, and only those, in address order. */
static void walk_matches_reference(void **state)
{
	static const wd_u64 ways[] = {0,       0x1000,	 0x2000,  0x10000,
				      0x20000, 0x100000, 0x200000};
	struct colour_set s;
	wd_u64 way, start;
	unsigned int i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		way = ways[rng() % (sizeof(ways) / sizeof(ways[0]))];
		s.colours = random_set(64);
		s.banks = random_set(16);
		start = (rng() % 0x400) * FRAME;
		compare_walk(way, random_bank_mask(), &s, start,
			     start + (rng() % 0x800) * FRAME);
	}
}

static void span_matches_reference(void **state)
{
	struct colour_set s = {0x80000001, 0x1};
	struct colour_geometry g;
	wd_u64 end, frames;

	(void)state;
	colour_geometry_init(&g, WAY_QEMU, BANKS_QEMU);
	/* per 512 KiB (4 banks x 128 KiB): colours 0 and 31 of bank 0 */
	assert_int_equal(colour_span(&g, &s, 0, 0x100000, 2 * FRAME, &end), 0);
	assert_int_equal(end, 0x20000);
	assert_int_equal(colour_span(&g, &s, 0, 0x100000, 3 * FRAME, &end), 0);
	assert_int_equal(end, 0x81000);
	assert_int_equal(colour_span(&g, &s, 0, 0x100000, 0x800, &end), 0);
	assert_int_equal(end, 0x1000); /* part of a frame takes a frame */
	frames = colour_count_frames(&g, &s, 0, 0x100000);
	assert_int_equal(frames, 4);
	assert_int_equal(colour_span(&g, &s, 0, 0x100000, 5 * FRAME, &end), -1);
}

/* Hostile bounds end the walk without wrapping around. */
static void walk_survives_hostile_bounds(void **state)
{
	struct colour_set s = {1ull << 31, 0x8};
	struct colour_geometry g;
	struct colour_walk w;
	wd_u64 pa;

	(void)state;
	colour_geometry_init(&g, WAY_QEMU, 0xc000000000000000ull);
	colour_walk_init(&w, &g, &s, ~0ull - 0x2000, ~0ull);
	assert_false(colour_next_frame(&w, &pa));
	colour_walk_init(&w, &g, &s, 0x5000, 0x1000); /* start > end */
	assert_false(colour_next_frame(&w, &pa));
	colour_walk_init(&w, &g, &s, 0x123, 0x40000); /* bank 3 is high */
	assert_false(colour_next_frame(&w, &pa));
	s.colours = 1ull << 40; /* no such colour of 32 */
	assert_int_equal(colour_count_frames(&g, &s, 0, 1ull << 30), 0);
}

/* A 16 GiB pool (the checker's limit) with one colour is walked fast. */
static void walk_large_pool(void **state)
{
	struct colour_set s = {1ull << 63, 0};
	struct colour_geometry g;

	(void)state;
	colour_geometry_init(&g, 0x40000, 0);
	assert_int_equal(colour_count_frames(&g, &s, 0, 16ull << 30),
			 (16ull << 30) / FRAME / 64);
}

/* ---- Checker rules (base scenario: see builder.h). ---- */

static void colour_platform(struct scenario *s)
{
	PLAT(s)->llc_way_size = WAY_QEMU;
	PLAT(s)->bank_mask = BANKS_QEMU;
}

/*
 * Colours the demo cell: its 16 MiB take frames of its colours from the
 * pool's start, its comm page from 0x7e000000 on.
 */
static void colour_demo(struct scenario *s, wd_u64 colours, wd_u64 banks)
{
	colour_platform(s);
	DEMO(s)->cell.colours = colours;
	DEMO(s)->cell.banks = banks;
	DEMO(s)->mem[1].phys_start = 0x7e000000;
}

static void coloured(struct scenario *s)
{
	colour_demo(s, 0xffff, 0);
}

static void coloured_banks(struct scenario *s)
{
	colour_demo(s, 0xffff, 0x3);
}

static void bank_mask_in_frame(struct scenario *s)
{
	PLAT(s)->bank_mask = 0x800;
}

static void bank_mask_beyond_48_bits(struct scenario *s)
{
	PLAT(s)->bank_mask = 1ull << 48;
}

static void bank_mask_bit_47(struct scenario *s)
{
	PLAT(s)->bank_mask = 1ull << 47;
}

static void bank_mask_7_bits(struct scenario *s)
{
	PLAT(s)->bank_mask = 0x7f000;
}

static void bank_mask_6_bits(struct scenario *s)
{
	PLAT(s)->bank_mask = 0x3f000;
}

static void root_coloured(struct scenario *s)
{
	ROOT(s)->cell.colours = 0x1;
}

static void root_banks(struct scenario *s)
{
	colour_platform(s);
	ROOT(s)->cell.banks = 0x1;
}

static void banks_without_colours(struct scenario *s)
{
	colour_platform(s);
	DEMO(s)->cell.banks = 0x1;
}

static void banks_without_bank_mask(struct scenario *s)
{
	colour_demo(s, 0xffff, 0x1);
	PLAT(s)->bank_mask = 0;
}

static void banks_beyond_platform(struct scenario *s)
{
	colour_demo(s, 0xffffffff, 0x10);
}

static void banks_last(struct scenario *s)
{
	colour_demo(s, 0xffffffff, 0x8);
}

/* Pool, RAM and demo moved above the hypervisor: 16 GiB + extra. */
static void big_pool(struct scenario *s, wd_u64 extra)
{
	colour_demo(s, 0xffff, 0);
	SYS(s)->ram.size = 0x440000000ull + extra;
	SYS(s)->cell_pool.start = 0x80000000;
	SYS(s)->cell_pool.size = (16ull << 30) + extra;
	DEMO(s)->mem[0].phys_start = 0x80000000;
	DEMO(s)->mem[1].phys_start = 0x90000000;
}

static void pool_beyond_colouring(struct scenario *s)
{
	big_pool(s, FRAME);
}

static void pool_at_colouring_limit(struct scenario *s)
{
	big_pool(s, 0);
}

static void coloured_outside_pool(struct scenario *s)
{
	coloured(s);
	DEMO(s)->mem[0].phys_start = 0x70000000;
}

static void pool_short(struct scenario *s)
{
	colour_demo(s, 0x1, 0); /* 4 MiB of colour 0 in 128 MiB */
}

/*
 * Colours 0-3 hold 16 MiB of the pool: RAM takes all but the last frame
 * (0x7efe3000, colour 3), the comm page that one.
 */
static void pool_exactly_enough(struct scenario *s)
{
	colour_demo(s, 0xf, 0);
	DEMO(s)->mem[0].size = 0x1000000 - FRAME;
	DEMO(s)->mem[1].phys_start = 0x7efe3000;
}

static void pool_one_frame_over(struct scenario *s)
{
	colour_demo(s, 0xf, 0);
	DEMO(s)->mem[1].phys_start = 0x7efe3000;
}

static void pool_short_of_banks(struct scenario *s)
{
	colour_demo(s, 0xf, 0x1); /* 4 MiB: a quarter of 4 colours */
}

static void coloured_regions_alias(struct scenario *s)
{
	coloured(s);
	tb_add_mem(DEMO(s), TB_POOL + 0x01000000, 0x50000000, 0x100000, TB_RW);
}

static void coloured_regions_apart(struct scenario *s)
{
	coloured(s);
	tb_add_mem(DEMO(s), TB_POOL + 0x02000000, 0x50000000, 0x100000, TB_RW);
}

static void shared_in_own_frames(struct scenario *s)
{
	coloured(s);
	tb_add_mem(DEMO(s), TB_POOL + 0x01000000, 0x50000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
}

/* cell2's fixed RAM at 0x78000000 lies in demo's frames (to 0x78ff0000). */
static void fixed_in_coloured_frames(struct scenario *s)
{
	coloured(s);
	tb_add_cell2(s);
}

static void fixed_after_coloured_frames(struct scenario *s)
{
	unsigned int i;

	coloured(s);
	i = tb_add_cell2(s);
	s->cells[i].mem[0].phys_start = 0x7c000000;
}

static void coloured_over_fixed(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	colour_platform(s);
	s->cells[i].cell.colours = 0xff;
	s->cells[i].mem[0].phys_start = TB_POOL;
	s->cells[i].mem[1].phys_start = 0x7e000000;
}

static void root_shared_in_coloured_frames(struct scenario *s)
{
	coloured(s);
	tb_add_mem(ROOT(s), TB_POOL + 0x01800000, TB_POOL + 0x01800000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
	tb_add_mem(DEMO(s), TB_POOL + 0x01800000, 0x50000000, 0x1000,
		   TB_RW | WD_MEM_SHARED);
}

/* Two coloured cells take frames from the same window, by colour. */
static void coloured_cells_one_window(struct scenario *s, wd_u64 banks_a,
				      wd_u64 banks_b)
{
	unsigned int i = tb_add_cell2(s);

	colour_demo(s, 0xffff, banks_a);
	s->cells[i].cell.colours = 0xffff0000;
	s->cells[i].cell.banks = banks_b;
	s->cells[i].mem[0].phys_start = TB_POOL;
	s->cells[i].mem[1].phys_start = 0x7e000000;
}

static void coloured_cells_share_window(struct scenario *s)
{
	coloured_cells_one_window(s, 0, 0);
}

static void banks_disjoint(struct scenario *s)
{
	coloured_cells_one_window(s, 0x3, 0xc);
}

static void banks_overlap(struct scenario *s)
{
	coloured_cells_one_window(s, 0x3, 0x6);
}

static const struct rule_case cases[] = {
	OK(coloured),
	OK(coloured_banks),
	BAD(bank_mask_in_frame, "platform.bank_mask", -1,
	    "0x800 selects bits inside a 4 KiB frame"),
	BAD(bank_mask_beyond_48_bits, "platform.bank_mask", -1,
	    "beyond the 48-bit address space"),
	OK(bank_mask_bit_47),
	BAD(bank_mask_7_bits, "platform.bank_mask", -1,
	    "0x7f000 selects 7 bits, at most 6"),
	OK(bank_mask_6_bits),
	BAD(root_coloured, "colours", -1, "the root cell cannot be coloured"),
	BAD(root_banks, "colours", -1, "colours 0x0, banks 0x1: the root"),
	BAD(banks_without_colours, "banks", -1, "0x1 without colours"),
	BAD(banks_without_bank_mask, "banks", -1,
	    "0x1, but the platform has no bank_mask"),
	BAD(banks_beyond_platform, "banks", -1,
	    "0x10 uses banks beyond the platform's 4"),
	OK(banks_last),
	BAD(pool_beyond_colouring, "colours", -1,
	    "the cell pool (0x400001000 bytes) is larger than colouring "
	    "supports (0x400000000)"),
	OK(pool_at_colouring_limit),
	BAD(coloured_outside_pool, "mem", 0,
	    "coloured RAM takes frames from 0x70000000 on, outside the cell "
	    "pool"),
	BAD(pool_short, "mem", 0,
	    "the cell pool holds 0x400000 bytes of colours 0x1 (banks 0x0) "
	    "from 0x77000000, the region needs 0x1000000"),
	BAD(pool_short_of_banks, "mem", 0,
	    "holds 0x400000 bytes of colours 0xf (banks 0x1)"),
	OK(pool_exactly_enough),
	BAD(pool_one_frame_over, "mem", 1,
	    "frames 0x7efe3000-0x7efe4000 overlap those of mem[0] "
	    "(0x77000000-0x7efe4000)"),
	BAD(coloured_regions_alias, "mem", 2,
	    "frames 0x78000000-0x781f0000 overlap those of mem[0] "
	    "(0x77000000-0x78ff0000)"),
	OK(coloured_regions_apart),
	BAD(shared_in_own_frames, "mem", 2, "overlap those of mem[0]"),
	BAD(fixed_in_coloured_frames, "mem", 0,
	    "memory 0x78000000-0x79000000 overlaps cell 'demo' mem[0] at "
	    "0x77000000-0x78ff0000 (coloured frames are never shared)"),
	OK(fixed_after_coloured_frames),
	BAD(coloured_over_fixed, "mem", 0,
	    "overlaps cell 'demo' mem[0] at 0x77000000-0x78000000"),
	BAD(root_shared_in_coloured_frames, "mem", 0,
	    "overlaps cell 'root' mem[4]"),
	OK(coloured_cells_share_window),
	OK(banks_disjoint),
	BAD(banks_overlap, "banks", -1,
	    "banks 0x2 are also used by cell 'demo'"),
};

int main(void)
{
	const struct CMUnitTest model[] = {
		cmocka_unit_test(geometry_counts_colours),
		cmocka_unit_test(colour_and_bank_of_frames),
		cmocka_unit_test(walk_in_address_order),
		cmocka_unit_test(walk_matches_reference),
		cmocka_unit_test(span_matches_reference),
		cmocka_unit_test(walk_survives_hostile_bounds),
		cmocka_unit_test(walk_large_pool),
	};
	int failed =
		cmocka_run_group_tests_name("colour model", model, NULL, NULL);

	return failed + run_rule_cases("colour rules", cases,
				       sizeof(cases) / sizeof(cases[0]));
}
