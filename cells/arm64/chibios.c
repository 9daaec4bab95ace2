/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ChibiOS/RT cell for QEMU virt (inmates/chibios): CPU 2 in AArch32
 * (WD_CELL_AARCH32), the same 16 MiB of the cell pool as the aarch32 cell
 * (0x7c000000; the two never run together) and its comm page 0x7effa000.
 */
#define CELL_NAME "chibios"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x7c000000
#define CELL_COMM_PHYS 0x7effa000
#define CELL_FLAGS WD_CELL_AARCH32
#include "simple-cell.h"
