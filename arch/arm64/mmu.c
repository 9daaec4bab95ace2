// SPDX-License-Identifier: GPL-2.0
/*
 * Translation regimes: the hypervisor's own EL2 tables and the cells'
 * stage 2, both described as paging_formats for the generic walker.
 */
#include <arch.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <wd/paging.h>

extern u64 hyp_ttbr;

/* ID_AA64MMFR0_EL1.PARange, capped at 48 bits (no 52-bit tables). */
static u64 pa_range(void)
{
	u64 r = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	return r > 5 ? 5 : r;
}

u64 tcr_el2_value(void)
{
	return (64 - VA_BITS) | (1ull << 8) | (1ull << 10) | (3ull << 12) |
	       (pa_range() << 16) | BIT(23) | BIT(31);
}

/* T0SZ 39 bits, SL0 = 1 (start at level 1), WB caches, inner shareable. */
u64 vtcr_el2_value(void)
{
	return (64 - VA_BITS) | (1ull << 6) | (1ull << 8) | (1ull << 10) |
	       (3ull << 12) | (pa_range() << 16) | BIT(31);
}

void mmu_enable(u64 ttbr)
{
	write_sysreg(MAIR_EL2_VALUE, mair_el2);
	write_sysreg(tcr_el2_value(), tcr_el2);
	write_sysreg(ttbr, ttbr0_el2);
	isb();
	asm volatile("tlbi alle2" : : : "memory");
	dsb(nsh);
	isb();
	write_sysreg(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA,
		     sctlr_el2);
	isb();
}

/* Later CPUs read hyp_ttbr with their MMU off: push it to memory. */
void arch_paging_activate(const struct paging *hyp)
{
	u64 ttbr = paging_pa(hyp->root);

	write_sysreg(ttbr, ttbr0_el2);
	isb();
	asm volatile("tlbi alle2" : : : "memory");
	dsb(ish);
	isb();
	hyp_ttbr = ttbr;
	asm volatile("dc civac, %0" : : "r"(&hyp_ttbr) : "memory");
	dsb(ish);
}

static u64 leaf_type(unsigned int level)
{
	return level == PAGING_LAST_LEVEL ? PTE_PAGE : PTE_BLOCK;
}

static u64 hyp_leaf(u64 pa, unsigned int level, u32 flags)
{
	u64 pte = pa | leaf_type(level) | PTE_AF | PTE_AP_RES1;

	if (flags & PG_DEVICE)
		pte |= PTE_ATTR(MAIR_IDX_DEVICE);
	else
		pte |= PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER;
	if (!(flags & PG_WRITE))
		pte |= PTE_AP_RO;
	if (!(flags & PG_EXEC))
		pte |= PTE_XN;
	return pte;
}

static u64 s2_leaf(u64 pa, unsigned int level, u32 flags)
{
	u64 pte = pa | leaf_type(level) | PTE_AF;

	if (flags & PG_DEVICE)
		pte |= S2_MEMATTR_DEVICE;
	else
		pte |= S2_MEMATTR_NORMAL | PTE_SH_INNER;
	if (flags & PG_READ)
		pte |= S2_AP_READ;
	if (flags & PG_WRITE)
		pte |= S2_AP_WRITE;
	if (!(flags & PG_EXEC))
		pte |= PTE_XN;
	return pte;
}

static u64 table_entry(u64 table_pa)
{
	return table_pa | PTE_TABLE;
}

/* A block's attributes carry over to the 512 smaller entries. */
static u64 split_block(u64 pte, unsigned int level, unsigned int idx)
{
	u64 child = 1ull << paging_shift(level + 1);
	u64 attrs = pte & ~PTE_ADDR_MASK & ~PTE_TYPE_MASK;

	return (pte & PTE_ADDR_MASK) + idx * child + attrs +
	       leaf_type(level + 1);
}

static bool is_valid(u64 pte)
{
	return pte & PTE_VALID;
}

static bool is_table(u64 pte, unsigned int level)
{
	return level < PAGING_LAST_LEVEL && (pte & PTE_TYPE_MASK) == PTE_TABLE;
}

static u64 address(u64 pte)
{
	return pte & PTE_ADDR_MASK;
}

/* 4 KiB granule: 1 GiB, 2 MiB and 4 KiB leaves. */
static bool block_ok(unsigned int level)
{
	return level >= 1;
}

/* Both translation regimes share the 4 KiB, 48-bit format; leaves differ. */
#define ARM64_PAGING(leaf_fn)                                                \
	{                                                                    \
		.first_level = 1, .va_limit = 1ull << VA_BITS,               \
		.leaf = leaf_fn, .table = table_entry, .split = split_block, \
		.is_valid = is_valid, .is_table = is_table,                  \
		.address = address, .block_ok = block_ok,                    \
	}

const struct paging_format arch_hyp_paging = ARM64_PAGING(hyp_leaf);
const struct paging_format arch_stage2_paging = ARM64_PAGING(s2_leaf);
