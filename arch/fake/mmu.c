// SPDX-License-Identifier: GPL-2.0
/*
 * Fake arch: the two paging formats (encoding in arch/fake.h). Simpler
 * than a real one on purpose, but with the same shape: blocks at levels
 * 1 and 2, pages at level 3, attributes carried into a split.
 */
#include <arch.h>
#include <arch/fake.h>
#include <wd/paging.h>

static u64 leaf(u64 pa, unsigned int level, u32 flags)
{
	u64 type = level == PAGING_LAST_LEVEL ? FAKE_PTE_TABLE : FAKE_PTE_VALID;

	return pa | type | ((u64)flags << FAKE_PTE_FLAGS_SHIFT);
}

static u64 table_entry(u64 table_pa)
{
	return table_pa | FAKE_PTE_TABLE;
}

static u64 split(u64 pte, unsigned int level, unsigned int idx)
{
	u64 child = 1ull << paging_shift(level + 1);
	u64 flags = pte & FAKE_PTE_FLAGS_MASK;
	u64 type = level + 1 == PAGING_LAST_LEVEL ? FAKE_PTE_TABLE
						  : FAKE_PTE_VALID;

	return ((pte & FAKE_PTE_ADDR_MASK) + idx * child) | flags | type;
}

static bool is_valid(u64 pte)
{
	return pte & FAKE_PTE_VALID;
}

static bool is_table(u64 pte, unsigned int level)
{
	return level < PAGING_LAST_LEVEL &&
	       (pte & FAKE_PTE_TABLE) == FAKE_PTE_TABLE;
}

static u64 address(u64 pte)
{
	return pte & FAKE_PTE_ADDR_MASK;
}

static bool block_ok(unsigned int level)
{
	return level >= 1;
}

const struct paging_format arch_hyp_paging = {
	.first_level = 1,
	.va_limit = 1ull << 39,
	.leaf = leaf,
	.table = table_entry,
	.split = split,
	.is_valid = is_valid,
	.is_table = is_table,
	.address = address,
	.block_ok = block_ok,
};

const struct paging_format arch_stage2_paging = {
	.first_level = 0,
	.va_limit = 1ull << 48,
	.leaf = leaf,
	.table = table_entry,
	.split = split,
	.is_valid = is_valid,
	.is_table = is_table,
	.address = address,
	.block_ok = block_ok,
};
