// SPDX-License-Identifier: GPL-2.0
/*
 * Physical runs of a cell's memory regions (wd/cell_colour.h). A coloured
 * region's frames are a pure function of the validated config (wd/colour.h
 * is the model the checker uses too), so building the stage 2, lending
 * loadable memory to the root, finding the comm page, scrubbing at
 * destroy and dumping the mappings all repeat the same walk, and nothing
 * has to remember which frames a cell holds: destroy gives back every
 * frame by walking them once more.
 */
#include <arch.h>
#include <wd/cell_colour.h>
#include <wd/colour.h>
#include <wd/errno.h>
#include <wd/printk.h>
#include <wd/setup.h>

bool region_is_coloured(const struct wd_cell *desc,
			const struct wd_mem_region *m)
{
	return desc->colours && !(m->flags & (WD_MEM_IO | WD_MEM_SHARED));
}

/* Frames join the current run while they are contiguous. */
struct run {
	u64 ipa;
	u64 pa;
	u64 size;
};

static int run_add(struct run *r, u64 pa, region_run_fn fn, void *ctx)
{
	int err = 0;

	if (r->size && r->pa + r->size == pa) {
		r->size += PAGE_SIZE;
		return 0;
	}
	if (r->size)
		err = fn(ctx, r->ipa, r->pa, r->size);
	r->ipa += r->size;
	r->pa = pa;
	r->size = PAGE_SIZE;
	return err;
}

static int coloured_runs(const struct wd_cell *desc,
			 const struct wd_mem_region *m, region_run_fn fn,
			 void *ctx)
{
	const struct wd_system *sys = wd_system_config();
	struct colour_set set = {desc->colours, desc->banks};
	struct run r = {m->virt_start, 0, 0};
	u64 frames = m->size / PAGE_SIZE, pa;
	struct colour_geometry g;
	struct colour_walk w;
	int err = 0;

	colour_geometry_init(&g, sys->platform.llc_way_size,
			     sys->platform.bank_mask);
	colour_walk_init(&w, &g, &set, m->phys_start,
			 sys->cell_pool.start + sys->cell_pool.size);
	for (; !err && frames; frames--) {
		if (!colour_next_frame(&w, &pa))
			return -ENOMEM; /* the checker said they fit */
		err = run_add(&r, pa, fn, ctx);
	}
	return err ?: fn(ctx, r.ipa, r.pa, r.size);
}

int region_for_each_run(const struct wd_cell *desc,
			const struct wd_mem_region *m, region_run_fn fn,
			void *ctx)
{
	if (!region_is_coloured(desc, m))
		return fn(ctx, m->virt_start, m->phys_start, m->size);
	/* Unknown geometry: the checker could not place the frames. */
	if (!wd_system_config()->platform.llc_way_size) {
		printk("colouring: the LLC way size is unknown\n");
		return -EINVAL;
	}
	return coloured_runs(desc, m, fn, ctx);
}

struct map_ctx {
	struct paging *pg;
	u32 flags;
};

static int map_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	struct map_ctx *c = ctx;

	return paging_map(c->pg, ipa, pa, size, c->flags);
}

/*
 * Each run goes in with one paging_map(): runs of a coloured region are
 * shorter than a cache way, so they end up as 4 KiB pages; only a cell
 * that owns every colour and bank gets contiguous frames and blocks.
 */
int region_map(struct paging *pg, const struct wd_cell *desc,
	       const struct wd_mem_region *m, u32 pg_flags)
{
	struct map_ctx c = {pg, pg_flags};

	return region_for_each_run(desc, m, map_run, &c);
}

/* The frames are cell pool RAM, which Warden maps at EL2. */
static int scrub_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	(void)ctx;
	(void)ipa;
	arch_scrub(pa, size);
	return 0;
}

int region_scrub(const struct wd_cell *desc, const struct wd_mem_region *m)
{
	return region_for_each_run(desc, m, scrub_run, NULL);
}

/* Stops the walk at the first run: a positive "error" that is no error. */
static int first_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	(void)ipa;
	(void)size;
	*(u64 *)ctx = pa;
	return 1;
}

int region_first_pa(const struct wd_cell *desc, const struct wd_mem_region *m,
		    u64 *pa)
{
	int err = region_for_each_run(desc, m, first_run, pa);

	return err == 1 ? 0 : err;
}
