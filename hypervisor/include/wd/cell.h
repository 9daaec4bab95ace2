/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells: a set of CPUs, a stage-2 address space built from the cell's
 * config regions, and the emulated MMIO ranges it may touch. Only the
 * root cell exists so far; the lifecycle hypercalls return -ENOSYS.
 */
#ifndef WD_CELL_H
#define WD_CELL_H

#include <arch/cell.h>
#include <wd/mmio.h>
#include <wd/paging.h>

struct cell {
	u32 id;
	u32 state; /* WD_CELL_STATE_* */
	char name[WD_NAME_LEN];
	u64 cpu_set;
	const struct wd_cell *desc; /* validated config, in Warden memory */
	struct paging stage2;
	struct arch_cell arch;
	struct mmio_region mmio[MMIO_MAX_REGIONS];
	unsigned int num_mmio;
};

extern struct cell root_cell;

int cell_init_root(const struct wd_system *sys, const struct wd_cell *desc);
void cell_exit_root(void);

#endif
