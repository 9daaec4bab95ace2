// SPDX-License-Identifier: GPL-2.0
/*
 * The module's own pages that fuzzed arguments point to. Warden may
 * write only the out pages (CELL_MAPPINGS dumps) and read the others; the
 * canary holds a pattern checked after the run: any change means Warden
 * wrote where the root did not ask it to.
 */
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>

#include "hcfuzz.h"

#define OUT_ORDER 1 /* two pages: an unaligned dump stays inside */

static u64 canary_word(unsigned int i)
{
	return 0x9e3779b97f4a7c15ull * (i + 1) ^ 0x57415244454e2121ull;
}

static void canary_fill(u8 *page)
{
	u64 *w = (u64 *)page;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / sizeof(u64); i++)
		w[i] = canary_word(i);
}

bool hcf_canary_intact(const struct hcf_pages *p)
{
	const u64 *w = (const u64 *)p->canary;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / sizeof(u64); i++)
		if (w[i] != canary_word(i))
			return false;
	return true;
}

int hcf_pages_alloc(struct hcf_pages *p)
{
	p->out = (u8 *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, OUT_ORDER);
	p->canary = (u8 *)__get_free_page(GFP_KERNEL);
	p->blob = (u8 *)get_zeroed_page(GFP_KERNEL);
	if (!p->out || !p->canary || !p->blob) {
		hcf_pages_free(p);
		return -ENOMEM;
	}
	p->out_pa = virt_to_phys(p->out);
	p->canary_pa = virt_to_phys(p->canary);
	p->blob_pa = virt_to_phys(p->blob);
	canary_fill(p->canary);
	return 0;
}

void hcf_pages_free(struct hcf_pages *p)
{
	free_pages((unsigned long)p->out, OUT_ORDER);
	free_page((unsigned long)p->canary);
	free_page((unsigned long)p->blob);
	*p = (struct hcf_pages){};
}
