// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell, and the pieces every cell's stage 2 is made of. The root
 * is built from the system config at enable: its stage 2 maps exactly the
 * config's memory regions and devices, plus the console ring read-only.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/config_check.h>
#include <wd/console.h>
#include <wd/errno.h>
#include <wd/ivshmem.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/string.h>

struct cell root_cell;

u32 cell_mem_flags(u32 flags)
{
	u32 pg = 0;

	if (flags & WD_MEM_READ)
		pg |= PG_READ;
	if (flags & WD_MEM_WRITE)
		pg |= PG_WRITE;
	if (flags & WD_MEM_EXEC)
		pg |= PG_EXEC;
	if (flags & WD_MEM_IO)
		pg |= PG_DEVICE;
	return pg;
}

/* A coloured region's frames are not at phys_start: wd/cell_colour.h. */
int cell_map_region(struct cell *cell, const struct wd_mem_region *m)
{
	return region_map(&cell->stage2, cell->desc, m,
			  cell_mem_flags(m->flags));
}

/* Devices are given 1:1: guest-physical is physical. */
int cell_map_devices(struct cell *cell)
{
	const struct wd_device *d = wd_cell_devices(cell->desc);
	unsigned int i;
	int err;

	for (i = 0; i < cell->desc->num_devices; i++, d++) {
		err = paging_map(&cell->stage2, d->mmio_start, d->mmio_start,
				 d->mmio_size, PG_RW | PG_DEVICE);
		if (err)
			return err;
	}
	return 0;
}

/*
 * CPUs change cells only while parked and powered off; their counters
 * start again from 0 in the new cell.
 */
void cell_move_cpus(u64 cpu_set, struct cell *to)
{
	struct percpu *pc;
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		if (!(cpu_set & BIT(cpu)))
			continue;
		pc = percpu_of(cpu);
		pc->cell = to;
		memset(pc->stats, 0, sizeof(pc->stats));
	}
	if (to == &root_cell)
		root_cell.cpu_set |= cpu_set;
	else
		root_cell.cpu_set &= ~cpu_set;
}

/*
 * Defence in depth: the validator already refuses this, but a root
 * region covering Warden's memory would hand the hypervisor to Linux.
 * Only SHARED RAM (a link's memory) may lie in the cell pool.
 */
static bool root_may_map_pool(const struct wd_mem_region *m)
{
	return (m->flags & WD_MEM_SHARED) && !(m->flags & WD_MEM_IO);
}

static int check_root_region(const struct wd_system *sys,
			     const struct wd_mem_region *m)
{
	if (range_touches(m->phys_start, m->size, &sys->hypervisor) ||
	    (range_touches(m->phys_start, m->size, &sys->cell_pool) &&
	     !root_may_map_pool(m))) {
		printk("root region %llx+%llx overlaps Warden memory\n",
		       m->phys_start, m->size);
		return -EINVAL;
	}
	return 0;
}

static int map_root_memory(const struct wd_system *sys, struct cell *cell)
{
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;
	int err;

	for (i = 0; i < cell->desc->num_mem_regions; i++, m++) {
		err = check_root_region(sys, m) ?: cell_map_region(cell, m);
		if (err) {
			printk("root region %u: cannot map (%d)\n", i, err);
			return err;
		}
	}
	return 0;
}

int cell_init_root(const struct wd_system *sys, const struct wd_cell *desc)
{
	struct cell *cell = &root_cell;
	u64 ring = console_ring_phys();
	int err;

	memset(cell, 0, sizeof(*cell));
	cell->desc = desc;
	cell->cpu_set = desc->cpu_set;
	cell->state = WD_CELL_STATE_RUNNING;
	memcpy(cell->name, desc->name, WD_NAME_LEN);
	cell->name[WD_NAME_LEN - 1] = '\0';
	err = paging_create(&cell->stage2, &arch_stage2_paging);
	if (!err)
		err = map_root_memory(sys, cell);
	if (!err)
		err = cell_map_devices(cell);
	if (!err)
		err = paging_map(&cell->stage2, ring, ring, PAGE_SIZE, PG_READ);
	if (!err)
		err = arch_cell_init(cell);
	if (!err)
		ivshmem_root_init();
	if (err) {
		printk("root cell: set-up failed (%d)\n", err);
		paging_destroy(&cell->stage2);
	}
	return err;
}

void cell_exit_root(void)
{
	arch_cell_exit(&root_cell);
	paging_destroy(&root_cell.stage2);
}
