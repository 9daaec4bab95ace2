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
#include <warden/hv_image.h>
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
