// SPDX-License-Identifier: GPL-2.0
/*
 * TLB and cache maintenance the core asks for after changing mappings or
 * memory that MMU-off code will read, and scrubbing memory.
 */
#include <arch.h>
#include <arch/smmu.h>
#include <arch/sysreg.h>
#include <wd/cell.h>
#include <wd/string.h>

/*
 * TLBI by VMID works on the current VTTBR_EL2: borrow the cell's for the
 * broadcast (inner shareable) invalidation, then put this CPU's back.
 * Runs at EL2 with interrupts masked, so nothing at EL1 sees the switch.
 */
void arch_stage2_flush(struct cell *cell)
{
	u64 own = read_sysreg(vttbr_el2);

	dsb(ishst);
	write_sysreg(cell->arch.vttbr, vttbr_el2);
	isb();
	asm volatile("tlbi vmalls12e1is" : : : "memory");
	dsb(ish);
	write_sysreg(own, vttbr_el2);
	isb();
	/* The DSB above completed the invalidation on every CPU. */
	paging_flush_done(&cell->stage2);
	smmu_stage2_flush();
}

void arch_hyp_flush(struct paging *hyp)
{
	dsb(ishst);
	asm volatile("tlbi alle2is" : : : "memory");
	dsb(ish);
	isb();
	paging_flush_done(hyp);
}

static u64 dcache_line(void)
{
	return 4ull << ((read_sysreg(ctr_el0) >> 16) & 0xf);
}

/* Clean and invalidate to the point of coherency, by address. */
void arch_dcache_clean(u64 pa, u64 size)
{
	u64 line = dcache_line();
	u64 p = pa & ~(line - 1);

	for (; p < pa + size; p += line)
		asm volatile("dc civac, %0" : : "r"(p) : "memory");
	dsb(sy);
}

/* DCZID_EL0: BS = log2(words per DC ZVA block), DZP = prohibited. */
#define DCZID_DZP BIT(4)
#define DCZID_BS(v) ((v)&0xf)

/*
 * Zeroes [pa, pa + size) (page aligned, mapped at EL2) and writes it to
 * memory. DC ZVA zeroes a whole block per instruction: a 16 MiB cell is
 * scrubbed with 256 Ki of them instead of 16 Mi byte stores.
 */
void arch_scrub(u64 pa, u64 size)
{
	u64 dczid = read_sysreg(dczid_el0);
	u64 block = 4ull << DCZID_BS(dczid), p;

	if (dczid & DCZID_DZP) {
		memset(paging_ptr(pa), 0, size);
	} else {
		for (p = pa; p < pa + size; p += block)
			asm volatile("dc zva, %0" : : "r"(p) : "memory");
	}
	arch_dcache_clean(pa, size);
}
