// SPDX-License-Identifier: GPL-2.0
/*
 * Emulated MMIO dispatch. A cell's emulated ranges are registered at cell
 * set-up and never change while the cell runs, so lookups take no lock.
 */
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/mmio.h>

int mmio_register(struct cell *cell, u64 start, u64 size,
		  mmio_handler_fn handler, void *arg)
{
	struct mmio_region *r;

	if (cell->num_mmio >= MMIO_MAX_REGIONS)
		return -ENOSPC;
	r = &cell->mmio[cell->num_mmio++];
	r->start = start;
	r->size = size;
	r->handler = handler;
	r->arg = arg;
	return 0;
}

/* acc->addr comes from the cell: only compared, never dereferenced. */
int mmio_dispatch(struct cell *cell, struct mmio_access *acc)
{
	const struct mmio_region *r;
	unsigned int i;

	for (i = 0; i < cell->num_mmio; i++) {
		r = &cell->mmio[i];
		if (acc->addr - r->start < r->size)
			return r->handler(r->arg, acc);
	}
	return -ENOENT;
}
