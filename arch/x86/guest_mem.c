// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a guest's code at its RIP (the xAPIC emulation has no decode
 * assists): its linear address through its own page tables (paging off,
 * or 4-level long mode; other modes are refused), each guest-physical
 * address through the cell's nested table, then the board RAM window
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

/* n bytes at gpa (within one page) of pc's cell, or false. */
static bool read_gpa(const struct percpu *pc, u64 gpa, void *dst, u64 n)
{
	const struct wd_range *ram = &wd_system_config()->ram;
	u64 hpa;

	if (!paging_lookup(&pc->cell->stage2, gpa, &hpa) || hpa < ram->start ||
	    hpa + n > ram->start + ram->size)
		return false;
	memcpy(dst, paging_ptr(X86_RAM_WINDOW + hpa), n);
	return true;
}

/* 4-level long-mode walk from CR3; 1 GiB and 2 MiB pages. */
static bool walk(const struct percpu *pc, u64 cr3, u64 lin, u64 *gpa)
{
	u64 table = cr3 & PTE_ADDR, e, size;
	unsigned int level;

	for (level = 0; level < 4; level++) {
		size = 1ull << (39 - 9 * level);
		if (!read_gpa(pc, table + ((lin / size) & 511) * 8, &e, 8) ||
		    !(e & PTE_P))
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

	while (got < max && translate(pc, vmcb, lin + got, &gpa)) {
		chunk = MIN(max - got, PAGE_SIZE - (gpa & ~PAGE_MASK));
		if (!read_gpa(pc, gpa, buf + got, chunk))
			break;
		got += (unsigned int)chunk;
	}
	return got;
}
