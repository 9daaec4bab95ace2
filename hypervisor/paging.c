// SPDX-License-Identifier: GPL-2.0
/*
 * Generic table walker: map, unmap, look up and free radix translation
 * tables described by a struct paging_format. Mappings use the largest
 * block the format allows at each level; partially unmapping a block
 * splits it into the next level first.
 *
 * Live tables: callers flush the TLB after unmap; replacing a valid
 * entry by another valid one is only done by split(), which keeps every
 * translation unchanged. A table taken out of the tree is not freed but
 * put on pg->stale until paging_flush_done() (wd/paging.h): another
 * CPU's walk cache may still point at it, and a page refilled by its
 * next owner would give that CPU whatever translations the data encodes.
 */
#include <wd/errno.h>
#include <wd/page_pool.h>
#include <wd/paging.h>

static u64 level_size(unsigned int level)
{
	return 1ull << paging_shift(level);
}

static unsigned int level_index(u64 va, unsigned int level)
{
	return (unsigned int)(va >> paging_shift(level)) & (PAGING_ENTRIES - 1);
}

static u64 *table_of(const struct paging *pg, u64 pte)
{
	return paging_ptr(pg->fmt->address(pte));
}

int paging_create(struct paging *pg, const struct paging_format *fmt)
{
	pg->fmt = fmt;
	pg->stale = NULL;
	pg->root = page_alloc();
	return pg->root ? 0 : -ENOMEM;
}

/*
 * The page is only linked, never cleared: a walker that still reaches it
 * sees its old entries, and in entry 0 the link (the next stale page or
 * 0), a page-aligned address, which no format takes for a valid entry.
 */
static void defer_free(struct paging *pg, u64 *table)
{
	__atomic_store_n(&table[0], paging_pa(pg->stale), __ATOMIC_RELAXED);
	pg->stale = table;
}

/* Frees a table and those below it: now, or after the next flush. */
static void drop_table(struct paging *pg, u64 *table, unsigned int level,
		       bool now)
{
	unsigned int i;

	for (i = 0; level < PAGING_LAST_LEVEL && i < PAGING_ENTRIES; i++)
		if (pg->fmt->is_table(table[i], level))
			drop_table(pg, table_of(pg, table[i]), level + 1, now);
	if (now)
		page_free(table);
	else
		defer_free(pg, table);
}

void paging_flush_done(struct paging *pg)
{
	u64 *table;

	while ((table = pg->stale)) {
		pg->stale = paging_ptr(table[0]);
		page_free(table);
	}
}

void paging_destroy(struct paging *pg)
{
	paging_flush_done(pg);
	if (pg->root)
		drop_table(pg, pg->root, pg->fmt->first_level, true);
	pg->root = NULL;
}

/* The table below *pte, created empty or split from a block. */
static u64 *next_table(struct paging *pg, u64 *pte, unsigned int level)
{
	const struct paging_format *fmt = pg->fmt;
	u64 *table;
	unsigned int i;

	if (fmt->is_table(*pte, level))
		return table_of(pg, *pte);
	table = page_alloc();
	if (!table)
		return NULL;
	for (i = 0; fmt->is_valid(*pte) && i < PAGING_ENTRIES; i++)
		table[i] = fmt->split(*pte, level, i);
	__atomic_store_n(pte, fmt->table(paging_pa(table)), __ATOMIC_RELEASE);
	return table;
}

/*
 * Out of the tree first, then on the stale list (read after the store).
 * A last-level entry is never a table (the formats say so): not asked.
 */
static void set_leaf(struct paging *pg, u64 *pte, u64 val, unsigned int level)
{
	u64 old = *pte;

	__atomic_store_n(pte, val, __ATOMIC_RELEASE);
	if (level < PAGING_LAST_LEVEL && pg->fmt->is_table(old, level))
		drop_table(pg, table_of(pg, old), level + 1, false);
}

/*
 * The level's block size and whether it may hold a block are asked once
 * a call, not once an entry: enable maps about 2,000 leaves.
 */
static int map_level(struct paging *pg, u64 *table, unsigned int level, u64 va,
		     u64 pa, u64 size, u32 flags)
{
	const u64 block = level_size(level);
	const bool block_ok = pg->fmt->block_ok(level);
	u64 chunk, *pte, *next;
	int err;

	while (size) {
		pte = &table[level_index(va, level)];
		chunk = MIN(block - (va & (block - 1)), size);
		if (block_ok && chunk == block && IS_ALIGNED(pa, block)) {
			set_leaf(pg, pte, pg->fmt->leaf(pa, level, flags),
				 level);
		} else {
			next = next_table(pg, pte, level);
			if (!next)
				return -ENOMEM;
			err = map_level(pg, next, level + 1, va, pa, chunk,
					flags);
			if (err)
				return err;
		}
		va += chunk;
		pa += chunk;
		size -= chunk;
	}
	return 0;
}

static bool range_ok(const struct paging *pg, u64 va, u64 size)
{
	return IS_ALIGNED(va | size, PAGE_SIZE) && size &&
	       va < pg->fmt->va_limit && size <= pg->fmt->va_limit - va;
}

int paging_map(struct paging *pg, u64 va, u64 pa, u64 size, u32 flags)
{
	if (!range_ok(pg, va, size) || !IS_ALIGNED(pa, PAGE_SIZE))
		return -EINVAL;
	return map_level(pg, pg->root, pg->fmt->first_level, va, pa, size,
			 flags);
}

static bool table_empty(const struct paging *pg, const u64 *table)
{
	unsigned int i;

	for (i = 0; i < PAGING_ENTRIES; i++)
		if (pg->fmt->is_valid(table[i]))
			return false;
	return true;
}

static int unmap_level(struct paging *pg, u64 *table, unsigned int level,
		       u64 va, u64 size)
{
	u64 chunk, *pte, *next;
	int err;

	for (; size; va += chunk, size -= chunk) {
		pte = &table[level_index(va, level)];
		chunk = level_size(level) - (va & (level_size(level) - 1));
		chunk = MIN(chunk, size);
		if (!pg->fmt->is_valid(*pte))
			continue;
		if (chunk == level_size(level)) {
			set_leaf(pg, pte, 0, level);
			continue;
		}
		next = next_table(pg, pte, level);
		if (!next)
			return -ENOMEM;
		err = unmap_level(pg, next, level + 1, va, chunk);
		if (err)
			return err;
		if (table_empty(pg, next))
			set_leaf(pg, pte, 0, level);
	}
	return 0;
}

int paging_unmap(struct paging *pg, u64 va, u64 size)
{
	if (!range_ok(pg, va, size))
		return -EINVAL;
	return unmap_level(pg, pg->root, pg->fmt->first_level, va, size);
}

bool paging_lookup(const struct paging *pg, u64 va, u64 *pa)
{
	const u64 *table = pg->root;
	unsigned int level = pg->fmt->first_level;
	u64 pte;

	if (va >= pg->fmt->va_limit)
		return false;
	for (;; level++) {
		pte = table[level_index(va, level)];
		if (!pg->fmt->is_valid(pte))
			return false;
		if (!pg->fmt->is_table(pte, level))
			break;
		table = table_of(pg, pte);
	}
	*pa = pg->fmt->address(pte) + (va & (level_size(level) - 1));
	return true;
}
