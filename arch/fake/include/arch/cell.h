/* SPDX-License-Identifier: GPL-2.0 */
/* Fake arch (host tests): the arch part of a cell. */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <wd/types.h>

struct arch_cell {
	u64 vmid; /* set by the test; the flush log records it */
};

#endif
