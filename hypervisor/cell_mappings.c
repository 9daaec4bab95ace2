// SPDX-License-Identifier: GPL-2.0
/*
 * WD_HC_CELL_MAPPINGS: a cell's guest-physical -> physical map, for
 * `warden cell mappings` and for `cell load` into coloured regions. The
 * runs come from the same walk that built the stage 2 (wd/cell_colour.h),
 * so the dump shows exactly the frames the cell uses; the number of
 * stage-2 table pages comes from the tables themselves.
 *
 * Trust: the root names the cell, the first run and a page of its own
 * RAM; root_copy_to() checks the page against the root's RAM regions.
 */
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/errno.h>
#include <wd/string.h>

/* Table pages of one table and everything below it. */
static u64 table_pages(const struct paging *pg, const u64 *table,
		       unsigned int level)
{
	const struct paging_format *fmt = pg->fmt;
	unsigned int i;
	u64 n = 1;

	for (i = 0; level < PAGING_LAST_LEVEL && i < PAGING_ENTRIES; i++)
		if (fmt->is_table(table[i], level))
			n += table_pages(pg, paging_ptr(fmt->address(table[i])),
					 level + 1);
	return n;
}

struct dump {
	struct wd_mappings *out;
	u64 skip; /* runs before the first one asked for */
	u32 region;
	u32 flags;
};

static int dump_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	struct dump *d = ctx;
	struct wd_mapping *r;

	if (d->skip) {
		d->skip--;
		return 0;
	}
	if (d->out->count == WD_MAPPINGS_MAX)
		return 1; /* full: stop the walk */
	r = &d->out->run[d->out->count++];
	*r = (struct wd_mapping){ipa, pa, size, d->region, d->flags};
	return 0;
}

static int dump_cell(const struct cell *cell, u64 first,
		     struct wd_mappings *out)
{
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	struct dump d = {out, first, 0, 0};
	int err = 0;

	out->stage2_tables = table_pages(&cell->stage2, cell->stage2.root,
					 cell->stage2.fmt->first_level);
	for (; !err && d.region < cell->desc->num_mem_regions; d.region++) {
		d.flags = m[d.region].flags;
		err = region_for_each_run(cell->desc, &m[d.region], dump_run,
					  &d);
	}
	return err < 0 ? err : 0;
}

long cell_mappings(u64 id, u64 first, u64 buf_ipa)
{
	static struct wd_mappings out; /* management lock held */
	const struct cell *cell;
	long ret;

	cell_mgmt_lock();
	cell = cell_find(id);
	if (!cell) {
		ret = -ENOENT;
	} else if (cell == &root_cell) {
		ret = -EINVAL; /* the root's map is its config */
	} else {
		memset(&out, 0, sizeof(out));
		ret = dump_cell(cell, first, &out)
			      ?: root_copy_to(buf_ipa, &out, sizeof(out));
		if (!ret)
			ret = out.count;
	}
	cell_mgmt_unlock();
	return ret;
}
