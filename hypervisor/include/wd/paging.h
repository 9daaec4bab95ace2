/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic translation-table walker for radix tables of 512 eight-byte
 * entries over 4 KiB pages (VMSAv8-64 4K granule; x86-64 has the same
 * shape). The arch describes how entries are encoded in a paging_format;
 * the walker only decides where blocks, pages and tables go.
 *
 * Hypervisor memory is identity mapped (VA == PA), so a table's physical
 * address is also the pointer the walker uses.
 *
 * Freeing order: a table page that map or unmap takes out of the tree may
 * still be in another CPU's TLB walk cache until the TLB flush that
 * covers this paging. Such pages wait on pg->stale and go back to the
 * pool only in paging_flush_done(), which the arch's flush hooks
 * (arch_hyp_flush(), arch_stage2_flush()) call after their invalidation:
 * a page the pool hands out again is never one a walker can still reach.
 * A forgotten flush keeps pages out of the pool (a leak the pool usage
 * shows), it never frees them early.
 */
#ifndef WD_PAGING_H
#define WD_PAGING_H

#include <core.h>

#include <wd/types.h>

/* Generic mapping attributes, turned into entry bits by the format. */
#define PG_READ BIT(0)
#define PG_WRITE BIT(1)
#define PG_EXEC BIT(2)
#define PG_DEVICE BIT(3)
#define PG_RW (PG_READ | PG_WRITE)

#define PAGING_ENTRIES 512
#define PAGING_LAST_LEVEL 3

struct paging_format {
	unsigned int first_level; /* level of the root table, 0..3 */
	u64 va_limit; /* input addresses must be below */
	/* Leaf (block or page) entry mapping pa at level. */
	u64 (*leaf)(u64 pa, unsigned int level, u32 flags);
	/* Entry pointing to a next-level table. */
	u64 (*table)(u64 table_pa);
	/* Entry for slot idx of the table that replaces block entry pte. */
	u64 (*split)(u64 pte, unsigned int level, unsigned int idx);
	bool (*is_valid)(u64 pte);
	bool (*is_table)(u64 pte, unsigned int level);
	u64 (*address)(u64 pte);
	/* May a leaf sit at this level (block sizes the format allows)? */
	bool (*block_ok)(unsigned int level);
};

/*
 * Callers serialise all changes to one paging (and its flush) with one
 * lock: the management lock for stage 2, the copy lock for the
 * hypervisor's temporary mappings, a single CPU at enable and disable.
 */
struct paging {
	const struct paging_format *fmt;
	u64 *root;
	/*
	 * Table pages out of the tree, not yet flushed; linked through their
	 * entry 0, a page-aligned address: an invalid entry in every format
	 * (the valid bit is bit 0).
	 */
	u64 *stale;
};

static inline unsigned int paging_shift(unsigned int level)
{
	return 12 + 9 * (PAGING_LAST_LEVEL - level);
}

static inline void *paging_ptr(u64 pa)
{
	return (void *)(unsigned long)pa;
}

static inline u64 paging_pa(const void *p)
{
	return (u64)(unsigned long)p;
}

int paging_create(struct paging *pg, const struct paging_format *fmt);
/*
 * Frees every table, stale ones included, at once: only when no CPU can
 * walk pg any more (its users parked or gone and their TLBs flushed).
 */
void paging_destroy(struct paging *pg);
/* After a TLB flush covering pg on every CPU: frees its stale tables. */
/* Declared in core.h: paging_flush_done(), paging_map(). */
int paging_unmap(struct paging *pg, u64 va, u64 size);
/* Translates va; returns false when it is not mapped. */
bool paging_lookup(const struct paging *pg, u64 va, u64 *pa);

#endif
