/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coloured cell A: CPU 2, 16 MiB of colours 0-15 in banks 0-1 (a quarter
 * of the frames: its RAM spans 64 MiB of the pool). See colour-cell.h.
 */
#define COLOUR_CELL_NAME "colour-a"
#define COLOUR_CELL_CPU 2
#define COLOUR_CELL_COLOURS 0x0000ffffull
#define COLOUR_CELL_BANKS 0x3ull
#define COLOUR_CELL_RAM_SIZE 0x01000000
#define COLOUR_CELL_RAM_FROM 0x7a000000
#define COLOUR_CELL_COMM_FROM 0x7e000000
#include "colour-cell.h"
