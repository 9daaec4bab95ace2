// SPDX-License-Identifier: GPL-2.0
/*
 * Doorbells of shared-memory links (Documentation/ivshmem.md). A cell
 * rings a peer by link id; Warden makes the peer's doorbell line pending
 * (arch_doorbell_ring()), and it reaches the peer's CPU like any line the
 * peer owns. Whenever a cell changes state (started, shut down, failed) or is
 * destroyed, its running peers get a doorbell too, so a peer waiting for
 * an answer wakes up and asks WD_HC_LINK_STATE instead of waiting forever.
 *
 * Trust: link ids and targets come from the calling cell's registers;
 * they are only compared with the validated configs. A cell can ring only
 * links its own config declares, and only cells declaring the same link.
 *
 * Locking: a cell CPU may ring while the root destroys cells, and destroy
 * waits for that CPU to park; so ringing never takes the management lock,
 * only link_lock, which no holder keeps while waiting for anything.
 * link_lock stays on the ring path, although the caller's own ends cannot
 * change while it runs: a peer's can (its destroy), and after
 * ivshmem_cell_remove() returns its doorbell lines go back to the root,
 * so no ring that looked at the old table may still be on its way. The
 * lock costs 12 instructions of a doorbell's 110 (uncontended).
 */
#include <arch.h>
#include <wd/cell.h>
#include <wd/ivshmem.h>
#include <wd/ivshmem_rows.h>
#include <wd/setup.h>

spinlock_t link_lock;
struct link_rows link_rows;

/* After a change of e->peers; link_lock held. */
static void find_first(struct link_end *e)
{
	unsigned int r = e->peers ? (unsigned int)__builtin_ctzll(e->peers) : 0;

	e->first_irq = e->peers ? end_of(r, e->id)->irq : 0;
}

/* Row r takes cell's ends and meets their peers; link_lock held. */
static void join(unsigned int r, const struct cell *cell)
{
	const struct wd_link *l = wd_cell_links(cell->desc);
	struct link_end *e, *peer;
	unsigned int i, n;

	link_rows.cell[r] = cell;
	link_rows.num_ends[r] = cell->desc->num_links;
	for (i = 0, e = link_rows.end[r]; i < link_rows.num_ends[r]; i++, e++) {
		*e = (struct link_end){l[i].id, (u16)l[i].doorbell_irq, 0, 0};
		for (n = 0; n < ROWS; n++) {
			peer = n == r ? NULL : end_of(n, e->id);
			if (!peer)
				continue;
			e->peers |= BIT(n);
			peer->peers |= BIT(r);
			find_first(peer);
		}
		find_first(e);
	}
}

/* Row r leaves its peers (its own ends still name them); link_lock held. */
static void leave(unsigned int r)
{
	const struct link_end *e = link_rows.end[r];
	struct link_end *peer;
	unsigned int i;
	u64 left;

	for (i = 0; i < link_rows.num_ends[r]; i++, e++)
		for (left = e->peers; left; left &= left - 1) {
			peer = end_of((unsigned int)__builtin_ctzll(left),
				      e->id);
			peer->peers &= ~BIT(r);
			find_first(peer);
		}
}

static void free_row(unsigned int r)
{
	link_rows.cell[r] = NULL;
	link_rows.num_ends[r] = 0;
}

/* The root's row, before any cell joins (cell_init_root()). */
void ivshmem_root_init(void)
{
	spin_lock(&link_lock);
	leave(0);
	free_row(0);
	join(0, &root_cell);
	spin_unlock(&link_lock);
}

void ivshmem_cell_add(struct cell *cell)
{
	if (!cell->desc->num_links)
		return;
	spin_lock(&link_lock);
	join(cell->row, cell);
	spin_unlock(&link_lock);
}

/* After this the cell is no peer: its peers see the change at once. */
void ivshmem_cell_remove(struct cell *cell)
{
	if (!cell->desc->num_links)
		return;
	spin_lock(&link_lock);
	leave(cell->row);
	ivshmem_ring_peers(cell->row);
	free_row(cell->row);
	spin_unlock(&link_lock);
}

void ivshmem_cell_changed(const struct cell *cell)
{
	if (cell == &root_cell || !cell->desc || !cell->desc->num_links)
		return;
	spin_lock(&link_lock);
	ivshmem_ring_peers(cell->row);
	spin_unlock(&link_lock);
}

/* Does c map any of [pa, pa + size) as RAM? */
static bool maps_ram(const struct cell *c, u64 pa, u64 size)
{
	const struct wd_mem_region *m = wd_cell_mem(c->desc);
	unsigned int i;

	for (i = 0; i < c->desc->num_mem_regions; i++, m++)
		if (!(m->flags & WD_MEM_IO) && pa < m->phys_start + m->size &&
		    m->phys_start < pa + size)
			return true;
	return false;
}

/* Another cell, or the root (a sharer for as long as Warden runs). */
static bool shared_elsewhere(const struct cell *cell, u64 pa, u64 size)
{
	const struct cell *c = NULL;

	if (maps_ram(&root_cell, pa, size))
		return true;
	while ((c = cell_next(c)))
		if (c != cell && maps_ram(c, pa, size))
			return true;
	return false;
}

static bool in_pool(u64 pa, u64 size)
{
	const struct wd_range *pool = &wd_system_config()->cell_pool;

	return pa >= pool->start && size <= pool->size &&
	       pa - pool->start <= pool->size - size;
}

/*
 * A SHARED region (never coloured) that no one else maps any more is
 * scrubbed like the cell's own RAM: the next cell to declare the link
 * must not read what the last sharers left. The management lock is held
 * and the cell's CPUs are parked, its stage 2 flushed.
 */
void ivshmem_scrub_unshared(const struct cell *cell)
{
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_mem_regions; i++, m++)
		if ((m->flags & (WD_MEM_SHARED | WD_MEM_IO)) == WD_MEM_SHARED &&
		    in_pool(m->phys_start, m->size) &&
		    !shared_elsewhere(cell, m->phys_start, m->size))
			arch_scrub(m->phys_start, m->size);
}
