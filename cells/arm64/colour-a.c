/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coloured cell A: CPU 2, 16 MiB of colours 0-15 in banks 0-1 (a quarter
 * of the frames: its RAM spans 64 MiB of the pool). See colour-cell.h.
 */
#define COLOUR_CELL_NAME "colour-a"
#define COLOUR_CELL_CPU 2
#define COLOUR_CELL_COLOURS 0x0000ffffull
#define COLOUR_CELL_BANKS 0x3ull
#define COLOUR_CELL_RAM_SIZE QEMU_VIRT_CELL_RAM_SIZE
#define COLOUR_CELL_RAM_FROM QEMU_VIRT_COLOUR_RAM_FROM
#define COLOUR_CELL_COMM_FROM QEMU_VIRT_COLOUR_COMM_FROM
#include "colour-cell.h"
