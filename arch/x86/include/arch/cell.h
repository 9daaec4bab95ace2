/* SPDX-License-Identifier: GPL-2.0 */
/* x86 part of a cell. */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <wd/types.h>

struct arch_cell {
	u64 ncr3; /* nested page table root (VMCB N_CR3) */
	u32 asid; /* VMCB guest ASID, never 0 */
	/* Bumped by arch_stage2_flush(): a CPU that saw another value
	 * flushes this ASID on its next VMRUN. */
	u32 tlb_gen;
};

#endif
