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
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/ivshmem.h>
#include <wd/setup.h>
#include <wd/spinlock.h>

static spinlock_t link_lock;
/*
 * Non-root cells that declare links, packed in members[0..num_members):
 * a ring walks only them (its cost is counted in EL2 instructions per
 * doorbell). The root is always a member besides them.
 */
static struct cell *members[WD_MAX_CELLS];
static unsigned int num_members;

static const struct wd_link *cell_link(const struct cell *c, u64 id)
{
	const struct wd_link *l = wd_cell_links(c->desc);
	unsigned int i;

	for (i = 0; i < c->desc->num_links; i++)
		if (l[i].id == id)
			return &l[i];
	return NULL;
}

/* Member n: the root first, then the table. */
static const struct cell *member(unsigned int n)
{
	return n ? members[n - 1] : &root_cell;
}

static bool running(const struct cell *c)
{
	return __atomic_load_n(&c->state, __ATOMIC_ACQUIRE) ==
	       WD_CELL_STATE_RUNNING;
}

/* What one pass over the peers of a link found; link_lock held. */
struct peers {
	unsigned int found, running;
};

static struct peers visit_peers(const struct cell *from, u64 id, u64 target,
				bool ring)
{
	struct peers p = {0, 0};
	const struct wd_link *l;
	const struct cell *c;
	unsigned int n;

	for (n = 0; n <= num_members; n++) {
		c = member(n);
		if (c == from ||
		    (target != WD_DOORBELL_ALL_PEERS && c->id != target))
			continue;
		l = cell_link(c, id);
		if (!l)
			continue;
		p.found++;
		if (!running(c))
			continue;
		p.running++;
		if (ring)
			arch_doorbell_ring(l->doorbell_irq);
	}
	return p;
}

long ivshmem_doorbell(const struct cell *from, u64 id, u64 target)
{
	struct peers p;

	if (!cell_link(from, id))
		return -ENOENT;
	spin_lock(&link_lock);
	p = visit_peers(from, id, target, true);
	spin_unlock(&link_lock);
	if (p.running)
		return p.running;
	return p.found ? -EAGAIN : -ENOENT;
}

long ivshmem_link_state(const struct cell *from, u64 id)
{
	struct peers p;

	if (!cell_link(from, id))
		return -ENOENT;
	spin_lock(&link_lock);
	p = visit_peers(from, id, WD_DOORBELL_ALL_PEERS, false);
	spin_unlock(&link_lock);
	return p.running;
}

void ivshmem_cell_add(struct cell *cell)
{
	if (!cell->desc->num_links)
		return;
	spin_lock(&link_lock);
	if (num_members < WD_MAX_CELLS) /* one per cell: always true */
		members[num_members++] = cell;
	spin_unlock(&link_lock);
}

static void ring_peers(const struct cell *cell)
{
	const struct wd_link *l = wd_cell_links(cell->desc);
	unsigned int i;

	spin_lock(&link_lock);
	for (i = 0; i < cell->desc->num_links; i++)
		visit_peers(cell, l[i].id, WD_DOORBELL_ALL_PEERS, true);
	spin_unlock(&link_lock);
}

/* After this the cell is no peer: its peers see the change at once. */
void ivshmem_cell_remove(struct cell *cell)
{
	unsigned int n;

	if (!cell->desc->num_links)
		return;
	spin_lock(&link_lock);
	for (n = 0; n < num_members; n++)
		if (members[n] == cell)
			members[n] = members[--num_members];
	spin_unlock(&link_lock);
	ring_peers(cell);
}

void ivshmem_cell_changed(const struct cell *cell)
{
	if (cell != &root_cell && cell->desc && cell->desc->num_links)
		ring_peers(cell);
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
