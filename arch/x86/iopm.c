// SPDX-License-Identifier: GPL-2.0
/*
 * I/O port partition: I/O permission maps (a set bit makes the port
 * exit). A cell's map intercepts every port but those of the
 * platform.x86.pio[] ranges its config names (pio_ranges, checked: no
 * two cells share one); the root's map intercepts exactly the ports
 * cells own while they live. The root's map is live: the CPU reads it
 * on each I/O instruction, so a bit set here takes effect on the root's
 * next access (QEMU's TCG reads it from memory each time; AMD caches no
 * IOPM).
 *
 * Maps are 12 KiB: a few static ones for cells that own ports (a cell
 * with none shares the map that intercepts every port).
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/config_check.h>
#include <wd/errno.h>
#include <wd/paging.h>
#include <wd/printk.h>
#include <wd/string.h>

#define PIO_CELLS 4 /* cells owning ports at a time */

static u8 iopm_root[IOPM_SIZE] __attribute__((aligned(4096)));
static u8 iopm_none[IOPM_SIZE] __attribute__((aligned(4096)));
static u8 iopm_cells[PIO_CELLS][IOPM_SIZE] __attribute__((aligned(4096)));
static const struct cell *iopm_owner[PIO_CELLS]; /* mgmt lock held */

static void ports(u8 *map, const struct wd_pio_range *r, bool intercept)
{
	u32 p;

	for (p = r->start; p < (u32)r->start + r->count; p++)
		if (intercept)
			map[p / 8] |= (u8)(1u << (p % 8));
		else
			map[p / 8] &= (u8) ~(1u << (p % 8));
}

/* Each range of the cell: open in its map, closed (or open) in the root's. */
static void cell_ranges(const struct cell *cell, u8 *map, bool take)
{
	const struct wd_pio_range *pio = wd_system_config()->platform.x86.pio;
	unsigned int i;

	for (i = 0; i < WD_X86_MAX_PIO_RANGES; i++) {
		if (!(cell->desc->pio_ranges & BIT(i)))
			continue;
		if (map)
			ports(map, &pio[i], false);
		ports(iopm_root, &pio[i], take);
	}
}

u64 x86_iopm_of(const struct cell *cell)
{
	unsigned int i;

	if (cell == &root_cell)
		return paging_pa(iopm_root);
	for (i = 0; i < PIO_CELLS; i++)
		if (iopm_owner[i] == cell)
			return paging_pa(iopm_cells[i]);
	if (!iopm_none[0])
		memset(iopm_none, 0xff, sizeof(iopm_none));
	return paging_pa(iopm_none);
}

/* At create (mgmt lock held): the cell's ports leave the root. */
int x86_iopm_take(const struct cell *cell)
{
	unsigned int i;

	if (!cell->desc->pio_ranges)
		return 0;
	for (i = 0; i < PIO_CELLS && iopm_owner[i]; i++)
		;
	if (i == PIO_CELLS) {
		printk("cell '%s': more than %u cells own I/O ports\n",
		       cell->name, PIO_CELLS);
		return -ENOSPC;
	}
	iopm_owner[i] = cell;
	memset(iopm_cells[i], 0xff, IOPM_SIZE);
	cell_ranges(cell, iopm_cells[i], true);
	return 0;
}

/* At destroy, its CPUs parked: the ports go back to the root. */
void x86_iopm_give_back(const struct cell *cell)
{
	unsigned int i;

	for (i = 0; i < PIO_CELLS; i++)
		if (iopm_owner[i] == cell) {
			cell_ranges(cell, NULL, false);
			iopm_owner[i] = NULL;
		}
}
