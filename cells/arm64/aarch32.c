/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch32 cell for QEMU virt (inmates/aarch32): CPU 2, its EL1 in AArch32
 * (WD_CELL_AARCH32), 16 MiB of the cell pool at 0x7c000000 (free of the
 * demo cell on CPU 3, which the aarch32 scenario runs beside it), comm
 * page 0x7effa000.
 */
#define CELL_NAME "aarch32"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x7c000000
#define CELL_COMM_PHYS 0x7effa000
#define CELL_FLAGS WD_CELL_AARCH32
#include "simple-cell.h"
