// SPDX-License-Identifier: GPL-2.0
/*
 * The RTOS statistics a real-time cell publishes in its comm page
 * (struct wd_rt_stats, include/warden/rtos.h), for `warden cell stats`.
 * Warden maps each cell's comm page read-only into the root, at its
 * physical address, from create to destroy; the address is the run of
 * the WD_MEM_COMM region in WD_HC_CELL_MAPPINGS. wd_lock is held while
 * the page is read, so the cell cannot be destroyed (and the page taken
 * away) under us.
 *
 * Trust: the page is the cell's and changes while we read it. The
 * driver only takes a consistent copy with the block's sequence count,
 * in a bounded number of tries, and interprets nothing else: the CLI
 * validates the copy (tools/rt_stats.c). The page is mapped
 * non-cacheable because the RTOS writes it with its MMU off: a cacheable
 * alias could return stale lines on hardware with caches.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/string.h>

#include <warden/comm.h>
#include <warden/hypercall.h>
#include <warden/ioctl.h>
#include <warden/rtos.h>
#include "cells.h"
#include "warden.h"

#define RT_STATS_TRIES 100

/* The comm page's physical address: -ENOENT if the cell has none. */
static int comm_page_pa(u32 id, u64 *pa)
{
	static struct wd_mappings runs; /* wd_lock held */
	u32 first = 0;
	long n, i;

	do {
		n = wd_cell_runs(id, first, &runs);
		if (n < 0)
			return (int)n;
		for (i = 0; i < n && i < WD_MAPPINGS_MAX; i++) {
			if (runs.run[i].flags & WD_MEM_COMM) {
				*pa = runs.run[i].pa;
				return 0;
			}
		}
		first += n;
	} while (n == WD_MAPPINGS_MAX);
	return -ENOENT;
}

/* One try of the reader protocol of include/warden/rtos.h. */
static bool copy_once(const struct wd_rt_stats *s, struct wd_rt_stats *out)
{
	u32 sequence = READ_ONCE(s->sequence);

	if (sequence & 1)
		return false;
	rmb(); /* the copy after the first read of the sequence */
	memcpy(out, s, sizeof(*out));
	rmb(); /* ... and before the second */
	return READ_ONCE(s->sequence) == sequence && out->sequence == sequence;
}

static void copy_block(const void *page, struct wd_ioc_cell_rt_stats *r)
{
	const struct wd_rt_stats *s = page + WD_RT_STATS_OFFSET;
	u32 try;

	r->comm_signature = READ_ONCE(*(const u64 *)page);
	for (try = 1; try <= RT_STATS_TRIES; try++) {
		if (copy_once(s, &r->stats)) {
			r->status = WD_RT_STATS_COPIED;
			r->tries = try;
			return;
		}
		usleep_range(50, 100); /* let the cell finish its update */
	}
	memset(&r->stats, 0, sizeof(r->stats));
	r->status = WD_RT_STATS_UNSTABLE;
	r->tries = RT_STATS_TRIES;
}

static int read_comm_page(struct wd_ioc_cell_rt_stats *r)
{
	void *page = memremap(r->comm_pa, PAGE_SIZE, MEMREMAP_WC);

	if (!page) {
		wd_err("cell '%s': cannot map its comm page at 0x%llx\n",
		       r->name, r->comm_pa);
		return -ENOMEM;
	}
	copy_block(page, r);
	memunmap(page);
	return 0;
}

/* Status NONE: the root, a cell without a task set or comm page. */
static int rt_stats_locked(struct wd_ioc_cell_rt_stats *r)
{
	struct wd_cell_entry *e;
	int err;

	if (wd_is_enabled() && !strncmp(r->name, wd_root_name(), WD_NAME_LEN))
		return 0;
	err = wd_cell_lookup(r->name, "get statistics of", &e);
	if (err)
		return err;
	if (!(e->desc->flags & WD_CELL_RT_TASKSET))
		return 0;
	err = comm_page_pa(e->id, &r->comm_pa);
	if (err == -ENOENT)
		return 0;
	if (err) {
		wd_err("cell '%s': no mappings (error %d)\n", r->name, err);
		return err;
	}
	return read_comm_page(r);
}

int wd_cell_rt_stats(struct wd_ioc_cell_rt_stats *r)
{
	int err;

	r->name[sizeof(r->name) - 1] = '\0';
	r->status = WD_RT_STATS_NONE;
	r->tries = 0;
	r->comm_pa = 0;
	r->comm_signature = 0;
	memset(&r->stats, 0, sizeof(r->stats));
	mutex_lock(&wd_lock);
	err = rt_stats_locked(r);
	mutex_unlock(&wd_lock);
	return err;
}
