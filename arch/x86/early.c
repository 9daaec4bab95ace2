// SPDX-License-Identifier: GPL-2.0
/*
 * Before Warden has its own tables. Linux cannot run code in the
 * hypervisor range (its vmap and ioremap are never executable), so the
 * driver builds early tables in x86_early_pool (the image header's
 * early_offset): the range identity mapped and the driver's trampoline
 * page at its Linux address. The trampoline switches to them and jumps
 * to wd_entry's physical address; the way back (entry.S, x86_leave)
 * switches to them again and jumps to the trampoline's return.
 *
 * Trust: the root builds them and provides the trampoline: it is
 * trusted at enable (it also loads Warden's image). Once enabled, the
 * pool is Warden memory (no root access through the nested tables).
 */
#include <arch/x86.h>
#include <warden/hv_image.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/errno.h>
#include <wd/types.h>

u64 x86_early_pool[WD_X86_EARLY_PAGES][512] __attribute__((aligned(4096)));
u64 x86_early_cr3; /* CR3 at wd_entry: the early tables */
u64 x86_tramp_return; /* the trampoline's return, Linux's address */
static u64 relocated;

/*
 * warden.bin is linked at 0 as a PIE: add its address to every
 * R_X86_64_RELATIVE slot, once per image copy (the driver copies a fresh
 * image for every enable). Runs identity mapped, before any pointer in
 * data is used.
 */
#define R_X86_64_RELATIVE 8
struct rela {
	u64 offset, info;
	s64 addend;
};
extern u8 __image_start[];
extern struct rela __rela_start[], __rela_end[];

void x86_relocate_once(void)
{
	u64 base = (u64)__image_start;
	struct rela *r;

	if (relocated)
		return;
	relocated = 1;
	for (r = __rela_start; r < __rela_end; r++)
		if ((u32)r->info == R_X86_64_RELATIVE)
			*(u64 *)(base + r->offset) = base + (u64)r->addend;
}

/*
 * The trampoline page (the way back of every CPU) is root RAM, module
 * text: read/execute only in the root's nested table while Warden runs,
 * so that the root cannot rewrite where a leaving CPU goes (its writes
 * fault, refused and reported). Its address: the early tables' mapping
 * of the trampoline's return (4 KiB pages, built by the driver).
 */
#define PTE_P 1ull
#define PTE_ADDR 0x000ffffffffff000ull

int tramp_protect(struct cell *cell)
{
	u64 va = x86_tramp_return, pte = x86_early_cr3 | PTE_P;
	u64 pool = (u64)x86_early_pool, t;
	unsigned int level;

	if (cell != &root_cell)
		return 0;

	for (level = 0; level < 4; level++) {
		t = pte & PTE_ADDR;
		if (!(pte & PTE_P) || t < pool ||
		    t >= pool + sizeof(x86_early_pool))
			return -EINVAL; /* tables are in the pool */
		pte = ((u64 *)t)[(va >> (39 - 9 * level)) & 511];
	}
	if (!(pte & PTE_P))
		return -EINVAL;
	return paging_map(&cell->stage2, pte & PTE_ADDR, pte & PTE_ADDR,
			  PAGE_SIZE, PG_READ | PG_EXEC);
}
