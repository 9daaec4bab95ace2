/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a cell's memory regions lie physically (hypervisor/colour.c): one
 * run for an ordinary region; for a coloured one (Documentation/
 * colouring.md) the frames of the cell's colours and banks, taken in
 * address order from phys_start, as runs of contiguous frames.
 *
 * Trust: desc and m come from a config the checker accepted together
 * with the live cells, in Warden's own copy. The walk depends on nothing
 * else but Warden's system config, so every caller sees the same frames.
 */
#ifndef WD_CELL_COLOUR_H
#define WD_CELL_COLOUR_H

#include <core.h>

#include <wd/paging.h>
#include <wd/types.h>

/* One run: guest-physical ipa..ipa+size is physical pa..pa+size. */
/* Declared in core.h: region_run_fn. */

bool region_is_coloured(const struct wd_cell *desc,
			const struct wd_mem_region *m);
/* Calls fn on each run in guest-physical order; stops at an error. */
/* Declared in core.h: region_for_each_run(). */

/* Common users, so that they all walk the same way. */
int region_map(struct paging *pg, const struct wd_cell *desc,
	       const struct wd_mem_region *m, u32 pg_flags);
/* Zeroes the region's frames and cleans them to memory. */
int region_scrub(const struct wd_cell *desc, const struct wd_mem_region *m);
/* Physical address of the region's first frame. */
int region_first_pa(const struct wd_cell *desc, const struct wd_mem_region *m,
		    u64 *pa);

#endif
