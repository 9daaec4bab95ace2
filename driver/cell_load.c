// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell load: an image goes into one of the cell's LOADABLE regions,
 * only while the cell is stopped. Warden lends those regions to the root
 * (WD_HC_CELL_SET_LOADABLE maps them at guest-physical == physical) until
 * the cell starts; the driver maps the part it writes, copies, and
 * cleans the data cache: the inmate starts with its MMU and caches off
 * and reads memory, not the root's cache.
 */
#include <linux/io.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <warden/hypercall.h>
#include <warden/ioctl.h>
#include <wd/config_check.h>
#include "cells.h"
#include "warden.h"

static bool is_loadable(const struct wd_mem_region *m)
{
	return (m->flags & WD_MEM_LOADABLE) && !(m->flags & WD_MEM_IO);
}

/* The loadable region holding ipa (the image's first byte), or NULL. */
static const struct wd_mem_region *region_at(const struct wd_cell *desc,
					     u64 ipa)
{
	const struct wd_mem_region *m = wd_cell_mem(desc);
	unsigned int i;

	for (i = 0; i < desc->num_mem_regions; i++)
		if (is_loadable(&m[i]) && ipa - m[i].virt_start < m[i].size)
			return &m[i];
	return NULL;
}

static int check_fit(const struct wd_cell_entry *e,
		     const struct wd_mem_region *m, u64 ipa, u64 size)
{
	if (!size) {
		wd_err("the image is empty\n");
		return -EINVAL;
	}
	if (!m) {
		wd_err("0x%llx is outside the loadable regions of cell '%s'\n",
		       ipa, e->name);
		return -EINVAL;
	}
	if (size > m->size - (ipa - m->virt_start)) {
		wd_err("image of %llu bytes too large: the loadable region "
		       "has %llu bytes from 0x%llx\n",
		       size, m->size - (ipa - m->virt_start), ipa);
		return -E2BIG;
	}
	return 0;
}

/*
 * Trust: ipa comes from user space. The copy itself would be byte-exact,
 * but images are linked for a page-aligned base and every region is
 * page-granular: an address off a page is a mistake, not a request.
 * The default (the config's entry) is taken as the config says.
 */
static int check_aligned(const struct wd_ioc_cell_load *l)
{
	if (l->ipa == WD_LOAD_AT_ENTRY || !(l->ipa & (WD_PAGE_SIZE - 1)))
		return 0;
	wd_err("load address 0x%llx is not 4 KiB aligned\n", l->ipa);
	return -EINVAL;
}

static int check_stopped(const struct wd_cell_entry *e)
{
	long state = wd_hc(WD_HC_CELL_STATE, e->id, 0, 0);

	if (state == WD_CELL_STATE_RUNNING) {
		wd_err("cell '%s' is running: shut it down first\n", e->name);
		return -EBUSY;
	}
	return state < 0 ? (int)state : 0;
}

/* The part of the image at ipa that run r holds. */
static int copy_run(const struct wd_mapping *r, u64 ipa,
		    const struct wd_ioc_buf *image)
{
	u64 lo = max(ipa, r->ipa);
	u64 hi = min(ipa + image->size, r->ipa + r->size);
	void *map;
	int err = 0;

	if (lo >= hi)
		return 0;
	map = memremap(r->pa + (lo - r->ipa), hi - lo, MEMREMAP_WB);
	if (!map) {
		wd_err("cannot map 0x%llx+0x%llx\n", r->pa + (lo - r->ipa),
		       hi - lo);
		return -ENOMEM;
	}
	if (copy_from_user(map, u64_to_user_ptr(image->addr) + (lo - ipa),
			   hi - lo))
		err = -EFAULT;
	wd_flush_dcache(map, hi - lo);
	memunmap(map);
	return err;
}

/*
 * Run by run, as Warden lists the region's frames: one run for a plain
 * region, many for a coloured one (Documentation/colouring.md).
 */
static int copy_image(const struct wd_cell_entry *e, u32 region, u64 ipa,
		      const struct wd_ioc_buf *image)
{
	struct wd_mappings *runs = kmalloc(sizeof(*runs), GFP_KERNEL);
	u32 first = 0, i;
	long n;
	int err = 0;

	if (!runs)
		return -ENOMEM;
	do {
		n = wd_cell_runs(e->id, first, runs);
		for (i = 0; !err && n > 0 && i < n; i++)
			if (runs->run[i].region == region)
				err = copy_run(&runs->run[i], ipa, image);
		first += n > 0 ? n : 0;
	} while (!err && n == WD_MAPPINGS_MAX);
	kfree(runs);
	return n < 0 ? (int)n : err;
}

static int load_locked(const struct wd_ioc_cell_load *l, const char *name)
{
	const struct wd_mem_region *m;
	struct wd_cell_entry *e;
	u64 ipa;
	long err = check_aligned(l) ?: wd_cell_lookup(name, "load", &e);

	if (err)
		return (int)err;
	ipa = l->ipa == WD_LOAD_AT_ENTRY ? e->desc->entry : l->ipa;
	m = region_at(e->desc, ipa);
	err = check_fit(e, m, ipa, l->image.size) ?: check_stopped(e);
	if (err)
		return (int)err;
	err = wd_hc(WD_HC_CELL_SET_LOADABLE, e->id, 0, 0);
	if (err < 0) {
		wd_err("Warden refused to lend cell '%s' memory: error %ld\n",
		       name, err);
		return (int)err;
	}
	err = copy_image(e, m - wd_cell_mem(e->desc), ipa, &l->image);
	if (!err)
		pr_info("warden: cell '%s': %llu bytes loaded at 0x%llx\n",
			name, l->image.size, ipa);
	return (int)err;
}

int wd_cell_load(const struct wd_ioc_cell_load *load)
{
	char name[WD_NAME_LEN];
	int err;

	strscpy(name, load->name, sizeof(name));
	mutex_lock(&wd_lock);
	err = load_locked(load, name);
	mutex_unlock(&wd_lock);
	return err;
}
