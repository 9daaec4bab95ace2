/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coloured cell B: CPU 3, 16 MiB of colours 16-31 in banks 2-3, from the
 * same part of the pool as colour-a: their frames interleave, none is
 * shared. See colour-cell.h.
 */
#define COLOUR_CELL_NAME "colour-b"
#define COLOUR_CELL_CPU 3
#define COLOUR_CELL_COLOURS 0xffff0000ull
#define COLOUR_CELL_BANKS 0xcull
#define COLOUR_CELL_RAM_SIZE QEMU_VIRT_CELL_RAM_SIZE
#define COLOUR_CELL_RAM_FROM QEMU_VIRT_COLOUR_RAM_FROM
#define COLOUR_CELL_COMM_FROM QEMU_VIRT_COLOUR_COMM_FROM
#include "colour-cell.h"
