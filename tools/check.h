/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Runs the config checker (hypervisor/config.c) on loaded files and prints
 * each violation as "FILE: cell 'NAME': FIELD[INDEX]: REASON".
 */
#ifndef WARDEN_CHECK_H
#define WARDEN_CHECK_H

#include "blob.h"

/*
 * Checks a system config and cell configs: each alone, then together.
 * system may be NULL: the cells are then only checked alone. Returns the
 * number of violations printed.
 */
unsigned int check_configs(const char *system_path, const struct blob *system,
			   char *const *cell_paths, const struct blob *cells,
			   unsigned int num_cells);

/*
 * After a clean check with a system config (tools/dma_note.c): notes on
 * stderr which devices can DMA where (with or without an SMMU).
 */
void dma_note(const struct blob *system, const struct blob *cells,
	      unsigned int n);

/*
 * Admission control (tools/admission.c): runs the schedulability test of
 * every cell that carries a real-time task set and prints each refusal.
 * Returns the number refused; 0 while admission_bypassed is set (the
 * documented test flag --no-admission), which still prints the verdicts.
 */
extern int admission_bypassed;
/* Removes "--no-admission" from argv (setting admission_bypassed);
 * returns the new argc. */
int take_no_admission_flag(int argc, char **argv);
unsigned int check_admission(char *const *paths, const struct blob *cells,
			     unsigned int num_cells);

#endif
