// SPDX-License-Identifier: GPL-2.0
/*
 * Shared-memory links (Documentation/ivshmem.md): each cell's links[]
 * alone (region, doorbell, uniqueness, flags), the doorbell against the
 * platform's GIC, then every pair of peers (same memory, own doorbells,
 * nobody else on a link's memory, the root's doorbell kept by the root).
 */
#include "rule_cases.h"

#define PLAT(s) (&(s)->system.sys.platform)
#define DEMO(s) (&(s)->cells[0])
#define ROOT(s) (&(s)->system.root)

/* Link memory in the pool, clear of the cells' RAM and comm pages. */
#define LINK_MEM 0x7ee00000ull
#define LINK_SIZE 0x00100000ull
#define LINK_MEM2 0x7ed00000ull
#define SHARED_RW (TB_RW | WD_MEM_SHARED)

/* Root side of link id: a SHARED region and its link (no irqs[]). */
static unsigned int root_link(struct scenario *s, wd_u32 id, wd_u32 doorbell)
{
	unsigned int m =
		tb_add_mem(ROOT(s), LINK_MEM, LINK_MEM, LINK_SIZE, SHARED_RW);

	return tb_add_link(ROOT(s), id, m, doorbell);
}

/* A region of the given size at phys, mapped at 0x50000000 or after. */
static unsigned int cell_shm(struct tb_cell *c, wd_u64 phys, wd_u64 size)
{
	wd_u64 ipa = 0x50000000 + (wd_u64)c->cell.num_mem_regions * LINK_SIZE;

	return tb_add_mem(c, phys, ipa, size, SHARED_RW);
}

/* A non-root peer: region, link, and the doorbell SPI in its irqs[]. */
static unsigned int cell_link(struct tb_cell *c, wd_u32 id, wd_u64 phys,
			      wd_u32 doorbell)
{
	unsigned int m = cell_shm(c, phys, LINK_SIZE);

	tb_add_irq(c, doorbell);
	return tb_add_link(c, id, m, doorbell);
}

/* ---- Passing scenarios. ---- */

/* As the shipped configs: root doorbell 224, echo (here demo) 225. */
static void root_and_cell(struct scenario *s)
{
	root_link(s, 1, 224);
	cell_link(DEMO(s), 1, LINK_MEM, 225);
}

static void root_and_cell_v2(struct scenario *s)
{
	root_and_cell(s);
}

static void three_peers(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	root_and_cell(s);
	cell_link(&s->cells[i], 1, LINK_MEM, 226);
}

static void between_cells(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	cell_link(DEMO(s), 7, LINK_MEM, 225);
	cell_link(&s->cells[i], 7, LINK_MEM, 226);
}

static void two_links(struct scenario *s)
{
	cell_link(DEMO(s), 1, LINK_MEM, 225);
	cell_link(DEMO(s), 2, LINK_MEM2, 226);
}

static void doorbell_first_spi(struct scenario *s)
{
	root_link(s, 1, 32);
}

static void doorbell_last_line(struct scenario *s)
{
	root_link(s, 1, 287);
}

static void doorbell_last_intid(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 1024;
	cell_link(DEMO(s), 1, LINK_MEM, 1019);
}

/* ---- One cell alone. ---- */

static void mem_index_past_end(struct scenario *s)
{
	tb_add_irq(DEMO(s), 225);
	tb_add_link(DEMO(s), 1, 2, 225);
}

static void link_over_comm(struct scenario *s)
{
	tb_add_irq(DEMO(s), 225);
	tb_add_link(DEMO(s), 1, 1, 225);
}

static void link_over_private_ram(struct scenario *s)
{
	tb_add_irq(DEMO(s), 225);
	tb_add_link(DEMO(s), 1, 0, 225);
}

static void link_over_shared_io(struct scenario *s)
{
	unsigned int m = tb_add_mem(DEMO(s), 0x08200000, 0x08200000, 0x1000,
				    SHARED_RW | WD_MEM_IO);

	tb_add_irq(DEMO(s), 225);
	tb_add_link(DEMO(s), 1, m, 225);
}

static void doorbell_ppi(struct scenario *s)
{
	root_link(s, 1, 27);
}

static void doorbell_special(struct scenario *s)
{
	PLAT(s)->arm64.num_irqs = 1024;
	cell_link(DEMO(s), 1, LINK_MEM, 1020);
}

/* The device's line puts 225 in the cell's INTIDs: irqs[] need not. */
static void doorbell_device_line(struct scenario *s)
{
	unsigned int m = cell_shm(DEMO(s), LINK_MEM, LINK_SIZE);

	tb_add_link(DEMO(s), 1, m, 225);
	tb_add_dev(DEMO(s), "uart1", 0x08200000, 0x1000, 225);
}

static void doorbell_not_in_irqs(struct scenario *s)
{
	unsigned int m = cell_shm(DEMO(s), LINK_MEM, LINK_SIZE);

	tb_add_link(DEMO(s), 1, m, 225);
}

static void id_twice(struct scenario *s)
{
	cell_link(DEMO(s), 1, LINK_MEM, 225);
	cell_link(DEMO(s), 1, LINK_MEM2, 226);
}

static void doorbell_twice(struct scenario *s)
{
	unsigned int m;

	cell_link(DEMO(s), 1, LINK_MEM, 225);
	m = cell_shm(DEMO(s), LINK_MEM2, LINK_SIZE);
	tb_add_link(DEMO(s), 2, m, 225);
}

static void region_twice(struct scenario *s)
{
	unsigned int l = cell_link(DEMO(s), 1, LINK_MEM, 225);

	tb_add_irq(DEMO(s), 226);
	tb_add_link(DEMO(s), 2, DEMO(s)->links[l].mem_index, 226);
}

static void link_flags(struct scenario *s)
{
	unsigned int l = cell_link(DEMO(s), 1, LINK_MEM, 225);

	DEMO(s)->links[l].flags = 1;
}

/* ---- Against the platform. ---- */

static void doorbell_beyond_gic(struct scenario *s)
{
	root_link(s, 1, 288);
}

/* ---- Pairs of cells. ---- */

static void shm_without_link(struct scenario *s)
{
	root_link(s, 1, 224);
	cell_shm(DEMO(s), LINK_MEM, LINK_SIZE);
}

/* The cell declares a link over memory the root shares without one. */
static void link_over_unlinked_shm(struct scenario *s)
{
	tb_add_mem(ROOT(s), LINK_MEM, LINK_MEM, LINK_SIZE, SHARED_RW);
	cell_link(DEMO(s), 3, LINK_MEM, 225);
}

static void other_link_same_memory(struct scenario *s)
{
	root_link(s, 1, 224);
	cell_link(DEMO(s), 2, LINK_MEM, 225);
}

static void memory_smaller(struct scenario *s)
{
	unsigned int l;

	root_and_cell(s);
	l = DEMO(s)->links[0].mem_index;
	DEMO(s)->mem[l].size = LINK_SIZE / 2;
}

static void memory_elsewhere(struct scenario *s)
{
	root_link(s, 1, 224);
	cell_link(DEMO(s), 1, LINK_MEM2, 225);
}

static void doorbell_of_peer(struct scenario *s)
{
	unsigned int i = tb_add_cell2(s);

	cell_link(DEMO(s), 1, LINK_MEM, 225);
	cell_link(&s->cells[i], 1, LINK_MEM, 225);
}

static void doorbell_of_root_peer(struct scenario *s)
{
	root_link(s, 1, 224);
	cell_link(DEMO(s), 1, LINK_MEM, 224);
}

/* No link of its own: the cell just asks for the root's doorbell SPI. */
static void root_doorbell_taken(struct scenario *s)
{
	root_link(s, 1, 224);
	tb_add_irq(DEMO(s), 224);
}

static const struct rule_case cases[] = {
	OK(root_and_cell),
	OK_V2(root_and_cell_v2),
	OK(three_peers),
	OK(between_cells),
	OK(two_links),
	OK(doorbell_first_spi),
	OK(doorbell_last_line),
	OK(doorbell_last_intid),
	BAD(mem_index_past_end, "links", 0, "mem_index 2: the cell has 2"),
	BAD(link_over_comm, "links", 0, "mem[1] must be SHARED RAM"),
	BAD(link_over_private_ram, "links", 0, "mem[0] must be SHARED RAM"),
	BAD(link_over_shared_io, "links", 0, "mem[2] must be SHARED RAM"),
	BAD(doorbell_ppi, "links", 0, "doorbell INTID 27 is not an SPI"),
	BAD(doorbell_special, "links", 0, "doorbell INTID 1020 is not an SPI"),
	BAD(doorbell_device_line, "links", 0,
	    "doorbell INTID 225 is device 0's line"),
	BAD(doorbell_not_in_irqs, "links", 0,
	    "doorbell INTID 225 is not in the cell's irqs[]"),
	BAD(id_twice, "links", 1, "link id 1 twice"),
	BAD(doorbell_twice, "links", 1, "doorbell INTID 225 also links[0]'s"),
	BAD(region_twice, "links", 1, "mem[2] already belongs to links[0]"),
	BAD(link_flags, "links", 0, "flags 0x1, must be 0"),
	BAD(doorbell_beyond_gic, "links", 0,
	    "doorbell INTID 288 does not exist (the GIC has 288)"),
	BAD(shm_without_link, "mem", 2,
	    "shares link 1's memory with cell 'root', but the two do not "
	    "declare that link over it"),
	BAD(link_over_unlinked_shm, "mem", 2,
	    "shares link 3's memory with cell 'root'"),
	BAD(other_link_same_memory, "mem", 2,
	    "shares link 1's memory with cell 'root'"),
	BAD(memory_smaller, "links", 0,
	    "link 1: memory 0x7ee00000 (size 0x80000) differs from cell "
	    "'root' (0x7ee00000, size 0x100000)"),
	BAD(memory_elsewhere, "links", 0,
	    "link 1: memory 0x7ed00000 (size 0x100000) differs"),
	BAD(doorbell_of_peer, "links", 0,
	    "link 1: doorbell INTID 225 is also cell 'demo''s"),
	BAD(doorbell_of_root_peer, "links", 0,
	    "link 1: doorbell INTID 224 is also cell 'root''s"),
	BAD(root_doorbell_taken, "irqs", -1,
	    "INTID 224 is the root's doorbell of link 1"),
};

int main(void)
{
	return run_rule_cases("links", cases, sizeof(cases) / sizeof(cases[0]));
}
