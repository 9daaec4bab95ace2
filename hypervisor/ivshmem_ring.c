// SPDX-License-Identifier: GPL-2.0
/*
 * The doorbell hypercall's path (built -O2: its EL2 instruction count is
 * gated, `make bench-smoke`), WD_HC_LINK_STATE and the doorbells of a
 * cell's state changes; ivshmem.c keeps the table (wd/ivshmem_rows.h)
 * and the rest of Documentation/ivshmem.md. Trust and locking: ivshmem.c.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/errno.h>
#include <wd/ivshmem.h>
#include <wd/ivshmem_rows.h>

/* The targets among e's peers, and how many run; link_lock held. */
static unsigned int count_targets(const struct link_end *e, u64 target,
				  unsigned int *found)
{
	unsigned int running_ones = 0, r;
	u64 left;

	*found = 0;
	for (left = e->peers; left; left &= left - 1) {
		r = (unsigned int)__builtin_ctzll(left);
		if (!is_target(r, target))
			continue;
		++*found;
		running_ones += running(link_rows.cell[r]);
	}
	return running_ones;
}

/*
 * The doorbell's hot loop: rings e's running targets; link_lock held.
 * Inlined, so the doorbell's copy is specialised.
 */
static inline __attribute__((always_inline)) unsigned int
ring_targets(const struct link_end *e, u64 target)
{
	unsigned int rung = 0, r;
	u64 left;

	for (left = e->peers; left; left &= left - 1) {
		r = (unsigned int)__builtin_ctzll(left);
		if (!is_target(r, target) || !running(link_rows.cell[r]))
			continue;
		/* r has an end of e's id: its peers bit says so. */
		arch_doorbell_ring(left == e->peers ? e->first_irq
						    : end_of(r, e->id)->irq);
		rung++;
	}
	return rung;
}

long ivshmem_doorbell(const struct cell *from, u64 id, u64 target)
{
	const struct link_end *e;
	unsigned int rung = 0, found = 0;

	spin_lock(&link_lock);
	e = end_of(from->row, id);
	if (e)
		rung = ring_targets(e, target);
	if (e && !rung) /* why not: -EAGAIN or -ENOENT */
		count_targets(e, target, &found);
	spin_unlock(&link_lock);
	if (rung)
		return rung;
	return found ? -EAGAIN : -ENOENT;
}

long ivshmem_link_state(const struct cell *from, u64 id)
{
	const struct link_end *e;
	unsigned int found, running_ones = 0;

	spin_lock(&link_lock);
	e = end_of(from->row, id);
	if (e)
		running_ones = count_targets(e, WD_DOORBELL_ALL_PEERS, &found);
	spin_unlock(&link_lock);
	return e ? (long)running_ones : -ENOENT;
}

void ivshmem_ring_peers(unsigned int r)
{
	unsigned int i;

	for (i = 0; i < link_rows.num_ends[r]; i++)
		ring_targets(&link_rows.end[r][i], WD_DOORBELL_ALL_PEERS);
}
