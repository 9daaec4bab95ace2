// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a guest's code at its RIP (the xAPIC emulation has no decode
 * assists): its linear address through its own page tables (paging off,
 * or 4-level long mode; other modes are refused), each guest-physical
 * address through the cell's nested table (read without the management
 * lock: a table freed meanwhile is still RAM inside the window, and what
 * it yields passes the same checks), then the board RAM window
 * (arch/x86.h), read-only.
 *
 * Trust: every table entry is the guest's. A guest-physical address the
 * cell does not map, or that maps outside the board's RAM (its MMIO, the
 * xAPIC page itself), ends the fetch: the caller refuses the access.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/string.h>

#define PTE_P BIT(0)
#define PTE_PS BIT(7)
#define PTE_ADDR 0x000ffffffffff000ull
#define CR0_PG BIT(31)
#define EFER_LMA BIT(10)
#define SEG_L BIT(9) /* VMCB segment attributes: 64-bit code */

int guest_mem_map(struct paging *hyp, const struct wd_system *sys)
{
	return paging_map(hyp, X86_RAM_WINDOW + sys->ram.start, sys->ram.start,
			  sys->ram.size, PG_READ);
}

/*
 * The cell's nested table walked here, not with paging_lookup(): this
 * runs up to five times per xAPIC access, the root's most common exit,
 * and the generic walker's format hooks cost several times more.
 */
static bool npt_lookup(const struct cell *cell, u64 gpa, u64 *hpa)
{
	const u64 *t = cell->stage2.root;
	unsigned int level;
	u64 e, size;

	if (gpa >> 48)
		return false;
	for (level = 0;; level++) {
		size = 1ull << (39 - 9 * level);
		e = READ_ONCE(t[(gpa >> (39 - 9 * level)) & 511]);
		if (!(e & PTE_P))
			return false;
		if (level == 3 || (e & PTE_PS))
			break;
		t = paging_ptr(e & PTE_ADDR);
	}
	*hpa = (e & PTE_ADDR & ~(size - 1)) + (gpa & (size - 1));
	return true;
}

/* n bytes at gpa (within one page) of pc's cell in the window, or NULL. */
static const void *gpa_ptr(const struct percpu *pc, u64 gpa, u64 n)
{
	const struct wd_range *ram = &wd_system_config()->ram;
	u64 hpa;

	if (!npt_lookup(pc->cell, gpa, &hpa) || hpa < ram->start ||
	    hpa + n > ram->start + ram->size)
		return NULL;
	return paging_ptr(X86_RAM_WINDOW + hpa);
}

/* 4-level long-mode walk from CR3; 1 GiB and 2 MiB pages. */
static bool walk(const struct percpu *pc, u64 cr3, u64 lin, u64 *gpa)
{
	u64 table = cr3 & PTE_ADDR, e = 0, size;
	const u64 *p;
	unsigned int level;

	for (level = 0; level < 4; level++) {
		size = 1ull << (39 - 9 * level);
		p = gpa_ptr(pc, table + ((lin >> (39 - 9 * level)) & 511) * 8,
			    8);
		if (!p || !((e = READ_ONCE(*p)) & PTE_P))
			return false;
		table = e & PTE_ADDR;
		if (level == 3 || (level && (e & PTE_PS)))
			break;
	}
	*gpa = (table & ~(size - 1)) + (lin & (size - 1));
	return true;
}

static bool translate(const struct percpu *pc, const u8 *vmcb, u64 lin,
		      u64 *gpa)
{
	if (!(*vmcb_u64((void *)vmcb, VMCB_CR0) & CR0_PG)) {
		*gpa = lin;
		return true;
	}
	if (!(*vmcb_u64((void *)vmcb, VMCB_EFER) & EFER_LMA))
		return false; /* 32-bit paging: nothing uses it with an APIC */
	return walk(pc, *vmcb_u64((void *)vmcb, VMCB_CR3), lin, gpa);
}

static u64 code_address(const u8 *vmcb)
{
	const struct vmcb_seg *cs = (const void *)(vmcb + VMCB_CS);
	u64 rip = *vmcb_u64((void *)vmcb, VMCB_RIP);

	if ((*vmcb_u64((void *)vmcb, VMCB_EFER) & EFER_LMA) &&
	    (cs->attrib & SEG_L))
		return rip;
	return (u32)(cs->base + rip);
}

unsigned int guest_fetch_code(struct percpu *pc, u8 *buf, unsigned int max)
{
	const u8 *vmcb = paging_ptr(pc->arch.vmcb_pa);
	u64 lin = code_address(vmcb), gpa, chunk;
	unsigned int got = 0;
	const void *p;

	while (got < max && translate(pc, vmcb, lin + got, &gpa)) {
		chunk = MIN(max - got, PAGE_SIZE - (gpa & ~PAGE_MASK));
		p = gpa_ptr(pc, gpa, chunk);
		if (!p)
			break;
		memcpy(buf + got, p, chunk);
		got += (unsigned int)chunk;
	}
	return got;
}
