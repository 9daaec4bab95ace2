/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The link-end table of ivshmem.c (management, -Os) and ivshmem_ring.c
 * (the doorbell hypercall's path, -O2): private to those two files.
 */
#ifndef WD_IVSHMEM_ROWS_H
#define WD_IVSHMEM_ROWS_H

#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/spinlock.h>

/*
 * The link ends, one row per member (cell->row: 0 the root, then the
 * non-root cells). Copied from the configs when the cell joins, with each
 * end's peers as a mask of rows: a ring reads two short rows instead of
 * walking configs (its cost is counted in EL2 instructions per doorbell).
 */
struct link_end {
	u32 id;
	u16 irq; /* this end's doorbell (an SPI: below 1020) */
	u16 first_irq; /* the doorbell of the lowest row in peers */
	u64 peers; /* rows with an end of the same id, never this row */
};

#define ROWS (1 + WD_MAX_CELLS)
_Static_assert(ROWS <= 64, "link_end.peers is a mask of rows");

extern spinlock_t link_lock;
extern struct link_rows {
	const struct cell *cell[ROWS]; /* NULL: a free row */
	u32 num_ends[ROWS];
	struct link_end end[ROWS][WD_MAX_LINKS];
} link_rows;

static inline struct link_end *end_of(unsigned int r, u64 id)
{
	struct link_end *e = link_rows.end[r],
			*last = e + link_rows.num_ends[r];

	for (; e < last; e++)
		if (e->id == id)
			return e;
	return NULL;
}

static inline bool running(const struct cell *c)
{
	return __atomic_load_n(&c->state, __ATOMIC_ACQUIRE) ==
	       WD_CELL_STATE_RUNNING;
}

/* Is row r (a peer) the target: a cell id, or every peer? */
static inline bool is_target(unsigned int r, u64 target)
{
	return target == WD_DOORBELL_ALL_PEERS ||
	       link_rows.cell[r]->id == target;
}

/* Each running peer of each of row r's ends gets a doorbell. */
void ivshmem_ring_peers(unsigned int r);

#endif
