/* SPDX-License-Identifier: GPL-2.0 */
/* arm64 part of a cell. */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <wd/types.h>

struct arch_cell {
	u64 vttbr; /* stage-2 root | VMID */
};

#endif
