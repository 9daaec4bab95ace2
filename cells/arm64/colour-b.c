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
#define COLOUR_CELL_RAM_SIZE 0x01000000
#define COLOUR_CELL_RAM_FROM 0x7a000000
#define COLOUR_CELL_COMM_FROM 0x7e000000
#include "colour-cell.h"
