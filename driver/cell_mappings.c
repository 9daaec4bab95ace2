// SPDX-License-Identifier: GPL-2.0
/*
 * A cell's guest-physical -> physical runs (WD_HC_CELL_MAPPINGS), for
 * `warden cell mappings` and for loading images into coloured regions,
 * whose frames are not contiguous (Documentation/colouring.md). Warden
 * writes the answer into a page of ours: kernel pages are root RAM at
 * guest-physical == physical.
 */
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/string.h>

#include <warden/hypercall.h>
#include <warden/ioctl.h>
#include "cells.h"
#include "warden.h"

long wd_cell_runs(u32 id, u32 first, struct wd_mappings *out)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	long n;

	if (!page)
		return -ENOMEM;
	n = wd_hc(WD_HC_CELL_MAPPINGS, id, first, virt_to_phys((void *)page));
	if (n >= 0)
		memcpy(out, (void *)page, sizeof(*out));
	free_page(page);
	return n;
}

int wd_cell_mappings(struct wd_ioc_cell_mappings *m)
{
	struct wd_cell_entry *e;
	long n;

	m->name[sizeof(m->name) - 1] = '\0';
	memset(&m->out, 0, sizeof(m->out));
	mutex_lock(&wd_lock);
	n = wd_cell_lookup(m->name, "list the mappings of", &e);
	if (!n)
		n = wd_cell_runs(e->id, m->first, &m->out);
	mutex_unlock(&wd_lock);
	if (n < 0)
		wd_err("cell '%s': no mappings (error %ld)\n", m->name, n);
	return n < 0 ? (int)n : 0;
}
