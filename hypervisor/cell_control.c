// SPDX-License-Identifier: GPL-2.0
/*
 * The root's controls over a created cell: lend its loadable memory for
 * an image (WD_HC_CELL_SET_LOADABLE), start it, shut it down. A cell is
 * only loaded while stopped, and its loadable memory goes back to the
 * cell alone before it starts.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/string.h>

/* A non-root cell by id: -ENOENT / -EPERM otherwise. mgmt lock held. */
static long find_cell(u64 id, struct cell **cell)
{
	*cell = cell_find(id);
	if (!*cell)
		return -ENOENT;
	return *cell == &root_cell ? -EPERM : 0;
}

/* As find_cell, and -EBUSY unless the cell is stopped. */
static long find_stopped(u64 id, struct cell **cell)
{
	long err = find_cell(id, cell);

	return err ? err : cell_is_stopped(*cell) ? 0 : -EBUSY;
}

static void end_loading(struct cell *cell)
{
	if (cell->state != WD_CELL_STATE_LOADING)
		return;
	root_unmap_loadable(cell);
	arch_stage2_flush(&root_cell);
	root_clean_loadable(cell);
}

static long set_loadable_locked(u64 id)
{
	struct cell *cell;
	long err = find_stopped(id, &cell);

	if (err)
		return err;
	if (cell->state == WD_CELL_STATE_LOADING)
		return 0;
	err = root_map_loadable(cell);
	if (!err)
		cell_set_state(cell, WD_CELL_STATE_LOADING);
	return err;
}

/* The lowest CPU of the cell starts; it may power on the others. */
static unsigned int boot_cpu(const struct cell *cell)
{
	return (unsigned int)__builtin_ctzll(cell->cpu_set);
}

/*
 * entry 0: the config's entry with x0 = the comm IPA. Otherwise the
 * root's choice (a Linux kernel and its DTB): trusted no further than a
 * cell's own CPU_ON entry, since a bad one faults only this cell.
 */
static long start_locked(u64 id, u64 entry, u64 arg)
{
	struct cell *cell;
	long err = find_stopped(id, &cell);

	if (err)
		return err;
	if (!cell_cpus_parked(cell->cpu_set))
		return -EBUSY; /* a park the root gave up waiting for */
	end_loading(cell);
	memset(&cell->bad_calls, 0, sizeof(cell->bad_calls));
	memset(&cell->virq_overflows, 0, sizeof(cell->virq_overflows));
	cell_set_state(cell, WD_CELL_STATE_RUNNING);
	cell_cpus_thaw(cell);
	if (!entry) {
		entry = cell->desc->entry;
		arg = cell->comm_ipa;
	}
	printk("cell '%s' started: CPU %u at 0x%llx\n", cell->name,
	       boot_cpu(cell), entry);
	return cell_cpu_power_on(percpu_of(boot_cpu(cell)), cell, entry, arg);
}

/* Parking can time out (a CPU that does not answer): nothing changes. */
static long shutdown_locked(u64 id)
{
	struct cell *cell;
	long err = find_cell(id, &cell);

	if (!err)
		err = cell_cpus_park(cell);
	if (err)
		return err;
	end_loading(cell);
	cell_console_flush(cell);
	cell_set_state(cell, WD_CELL_STATE_SHUT_DOWN);
	printk("cell '%s' shut down\n", cell->name);
	return 0;
}

/* Every lifecycle request runs under the management lock. */
static long under_mgmt_lock(long (*fn)(u64 id), u64 id)
{
	long ret;

	cell_mgmt_lock();
	ret = fn(id);
	cell_mgmt_unlock();
	return ret;
}

long cell_set_loadable(u64 id)
{
	return under_mgmt_lock(set_loadable_locked, id);
}

long cell_start_at(u64 id, u64 entry, u64 arg)
{
	long ret;

	cell_mgmt_lock();
	ret = start_locked(id, entry, arg);
	cell_mgmt_unlock();
	return ret;
}

long cell_start(u64 id)
{
	return cell_start_at(id, 0, 0);
}

long cell_shutdown(u64 id)
{
	return under_mgmt_lock(shutdown_locked, id);
}
