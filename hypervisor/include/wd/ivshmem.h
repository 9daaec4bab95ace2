/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared-memory links between cells (Documentation/ivshmem.md): the
 * doorbells and the link state. The shared memory itself is a SHARED
 * region each peer maps from its own config like any other region.
 */
#ifndef WD_IVSHMEM_H
#define WD_IVSHMEM_H

#include <wd/types.h>

struct cell;

/*
 * Declared in core.h: ivshmem_doorbell(). WD_HC_DOORBELL: from rings link
 * id of target (a cell id, or WD_DOORBELL_ALL_PEERS). Returns the number
 * of peers rung, -ENOENT if from does not declare the link or target is
 * not a peer, -EAGAIN if the peers exist but none is running.
 */
/* WD_HC_LINK_STATE: running peers of link id, or -ENOENT. */
long ivshmem_link_state(const struct cell *from, u64 id);

/* The root's links, at enable before any cell (cell_init_root()). */
void ivshmem_root_init(void);
/* A created cell joins its links' peers; at destroy it leaves them. */
void ivshmem_cell_add(struct cell *cell);
void ivshmem_cell_remove(struct cell *cell);
/* At destroy: scrubs the cell's SHARED regions no other cell maps. */
void ivshmem_scrub_unshared(const struct cell *cell);
/* Any state change of cell: its running peers get a doorbell. */
void ivshmem_cell_changed(const struct cell *cell);

#endif
