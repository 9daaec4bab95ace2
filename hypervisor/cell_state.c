// SPDX-License-Identifier: GPL-2.0
/*
 * A cell's state: Warden's copy decides, the comm region only mirrors it
 * for the cell (Warden never reads the comm region back).
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/ivshmem.h>

static void publish(struct cell *cell, u32 state)
{
	ivshmem_cell_changed(cell); /* peers wake up and look */
	if (!cell->comm)
		return;
	WRITE_ONCE(cell->comm->state, state);
	/* The cell may read it with its MMU off, from memory. */
	arch_dcache_clean(paging_pa(&cell->comm->state), sizeof(u32));
}

void cell_set_state(struct cell *cell, u32 state)
{
	__atomic_store_n(&cell->state, state, __ATOMIC_RELEASE);
	publish(cell, state);
}

/* from -> to only if the state is still from; false if it changed. */
bool cell_change_state(struct cell *cell, u32 from, u32 to)
{
	if (!__atomic_compare_exchange_n(&cell->state, &from, to, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return false;
	publish(cell, to);
	return true;
}

bool cell_is_stopped(const struct cell *cell)
{
	return __atomic_load_n(&cell->state, __ATOMIC_ACQUIRE) !=
	       WD_CELL_STATE_RUNNING;
}
