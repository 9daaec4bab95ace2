/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The aarch32 cell (CPU 2, same memory, same name) with direct interrupt
 * delivery (GICv3 only): its AArch32 EL1 takes the timer and its SGIs
 * with no trap to Warden. Used by the aarch32 scenario on GICv3.
 */
#define CELL_NAME "aarch32"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x7c000000
#define CELL_COMM_PHYS 0x7effa000
#define CELL_FLAGS (WD_CELL_AARCH32 | WD_CELL_DIRECT_IRQ)
#include "simple-cell.h"
