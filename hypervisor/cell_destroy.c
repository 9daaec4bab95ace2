// SPDX-License-Identifier: GPL-2.0
/*
 * WD_HC_CELL_DESTROY: park the cell's CPUs, hand its interrupts, devices
 * and CPUs back to the root, scrub its memory, forget it. The CPUs stay
 * parked in the root until Linux brings them online (a power-on call).
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/errno.h>
#include <wd/ivshmem.h>
#include <wd/page_pool.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>
#include <wd/string.h>

static bool scrubbed(const struct wd_mem_region *m)
{
	return !(m->flags & (WD_MEM_IO | WD_MEM_SHARED));
}

/*
 * The cell's own RAM (comm page included) is zeroed before the next cell
 * gets it. SHARED regions belong to others too: ivshmem.c scrubs them
 * once no other cell (nor the root) maps them. The checker keeps
 * non-root RAM in the cell pool; checked again here since Warden writes
 * there. A coloured region's frames are walked again: the
 * same frames its stage 2 had (wd/cell_colour.h), all in the pool.
 */
static void scrub_memory(const struct cell *cell)
{
	const struct wd_range *pool = &wd_system_config()->cell_pool;
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_mem_regions; i++, m++) {
		if (!scrubbed(m))
			continue;
		if (region_is_coloured(cell->desc, m)) {
			region_scrub(cell->desc, m);
			continue;
		}
		if (m->phys_start < pool->start || m->size > pool->size ||
		    m->phys_start - pool->start > pool->size - m->size)
			continue;
		arch_scrub(m->phys_start, m->size);
	}
}

static void detach(struct cell *cell)
{
	int err;

	arch_stage2_flush(cell);
	if (cell->state == WD_CELL_STATE_LOADING)
		root_unmap_loadable(cell);
	cell_pci_quiesce(cell); /* before arch_cell_exit gives the streams */
	arch_cell_exit(cell);
	/* Parked, frozen, nothing pending (cell_cpus_park): cannot fail. */
	if (cell_cpus_move(cell->cpu_set, cell, &root_cell))
		printk("cell '%s': CPUs not parked at destroy\n", cell->name);
	err = root_take_back_devices(cell);
	if (err)
		printk("cell '%s': devices not all back in the root (%d)\n",
		       cell->name, err);
	/* Gone from the root (TLB included) before the scrub and reuse. */
	root_unmap_comm(cell);
	arch_stage2_flush(&root_cell);
}

static long destroy_locked(u64 id)
{
	struct cell *cell = cell_find(id);
	int err;

	if (!cell)
		return -ENOENT;
	if (cell == &root_cell)
		return -EPERM;
	err = cell_cpus_park(cell);
	if (err)
		return err;
	cell_console_flush(cell);
	ivshmem_cell_remove(cell);
	detach(cell);
	scrub_memory(cell);
	ivshmem_scrub_unshared(cell);
	/*
	 * Safe to free every table at once: the cell's CPUs are parked on an
	 * empty stage 2 (VMID 0) and detach() flushed the cell's VMID on
	 * every CPU, so no walk cache can still point into these tables.
	 */
	paging_destroy(&cell->stage2);
	printk("cell '%s' destroyed\n", cell->name);
	page_free((void *)cell->blob.data);
	cell_free(cell);
	return 0;
}

long cell_destroy(u64 id)
{
	long ret;

	cell_mgmt_lock();
	ret = destroy_locked(id);
	cell_mgmt_unlock();
	return ret;
}
