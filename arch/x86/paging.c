// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64 4-level tables for the host (Warden's own, identity mapped) and
 * for nested paging. The two formats differ in the U/S bit: a nested
 * walk is a user access, so every NPT entry has it; the host's must not
 * (SMEP, which Linux leaves on, forbids running user pages). PCD/PWT give
 * the host's device mappings uncached; in the NPT the guest's own memory
 * types decide (write-back here combines to the guest's).
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>

#define PTE_P BIT(0)
#define PTE_RW BIT(1)
#define PTE_US BIT(2)
#define PTE_PWT BIT(3)
#define PTE_PCD BIT(4)
#define PTE_PS BIT(7) /* a 2 MiB or 1 GiB leaf above level 3 */
#define PTE_NX BIT(63)
#define PTE_ADDR 0x000ffffffffff000ull

static u64 leaf(u64 pa, unsigned int level, u32 flags, u64 extra)
{
	u64 pte = pa | extra;

	if (!(flags & PG_READ))
		return 0; /* x86 has no write- or execute-only pages */
	pte |= PTE_P;
	if (flags & PG_WRITE)
		pte |= PTE_RW;
	if (!(flags & PG_EXEC))
		pte |= PTE_NX;
	if (level < PAGING_LAST_LEVEL)
		pte |= PTE_PS;
	return pte;
}

static u64 hyp_leaf(u64 pa, unsigned int level, u32 flags)
{
	return leaf(pa, level, flags,
		    flags & PG_DEVICE ? PTE_PCD | PTE_PWT : 0);
}

static u64 npt_leaf(u64 pa, unsigned int level, u32 flags)
{
	return leaf(pa, level, flags, PTE_US);
}

static u64 hyp_table(u64 table_pa)
{
	return table_pa | PTE_P | PTE_RW;
}

static u64 npt_table(u64 table_pa)
{
	return table_pa | PTE_P | PTE_RW | PTE_US;
}

/* A block's attributes carry over to the 512 smaller entries. */
static u64 split(u64 pte, unsigned int level, unsigned int idx)
{
	u64 child = 1ull << paging_shift(level + 1);
	u64 attrs = pte & ~PTE_ADDR;

	if (level + 1 == PAGING_LAST_LEVEL)
		attrs &= ~PTE_PS; /* bit 7 is PAT in a 4 KiB entry */
	return (pte & PTE_ADDR) + idx * child + attrs;
}

static bool is_valid(u64 pte)
{
	return pte & PTE_P;
}

static bool is_table(u64 pte, unsigned int level)
{
	return level < PAGING_LAST_LEVEL && (pte & PTE_P) && !(pte & PTE_PS);
}

static u64 address(u64 pte)
{
	return pte & PTE_ADDR;
}

/* 2 MiB and 4 KiB leaves (1 GiB pages are optional on x86). */
static bool block_ok(unsigned int level)
{
	return level >= 2;
}

const struct paging_format arch_hyp_paging = {
	.first_level = 0,
	.va_limit = 1ull << 47,
	.leaf = hyp_leaf,
	.table = hyp_table,
	.split = split,
	.is_valid = is_valid,
	.is_table = is_table,
	.address = address,
	.block_ok = block_ok,
};

const struct paging_format arch_stage2_paging = {
	.first_level = 0,
	.va_limit = 1ull << 48,
	.leaf = npt_leaf,
	.table = npt_table,
	.split = split,
	.is_valid = is_valid,
	.is_table = is_table,
	.address = address,
	.block_ok = block_ok,
};

u64 x86_host_cr3;

/* The other CPUs switch in arch_cpu_init(). */
void arch_paging_activate(const struct paging *hyp)
{
	x86_host_cr3 = paging_pa(hyp->root);
	write_cr3(x86_host_cr3);
}

/* This CPU's host TLB; the others never use the temporary mappings. */
void arch_hyp_flush(struct paging *hyp)
{
	u64 cr3;

	asm volatile("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) : : "memory");
	paging_flush_done(hyp);
}

/*
 * The ASID is flushed on each CPU's next VMRUN; the CPUs running the
 * cell's guest now are kicked out of it and waited for (nmi.c).
 */
void arch_stage2_flush(struct cell *cell)
{
	u32 gen = __atomic_add_fetch(&cell->arch.tlb_gen, 1, __ATOMIC_SEQ_CST);

	x86_tlb_shootdown(cell, gen);
	paging_flush_done(&cell->stage2);
}

/* x86 caches are coherent with every agent Warden hands memory to. */
void arch_dcache_clean(u64 pa, u64 size)
{
	(void)pa, (void)size;
	asm volatile("mfence" : : : "memory");
}

void arch_scrub(u64 pa, u64 size)
{
	u64 *p = paging_ptr(pa), n;

	for (n = 0; n < size / 8; n++)
		p[n] = 0;
	asm volatile("mfence" : : : "memory");
}

/* Unknown: colouring needs a way size from the config. */
u64 arch_llc_way_size(void)
{
	return 0;
}
