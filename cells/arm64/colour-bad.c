/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Valid alone, refused beside colour-a: colour 0 is colour-a's too (its
 * banks, 2-3, are not). The colouring scenario checks that Warden and
 * the tools refuse it. See colour-cell.h.
 */
#define COLOUR_CELL_NAME "colour-bad"
#define COLOUR_CELL_CPU 3
#define COLOUR_CELL_COLOURS 0xffff0001ull
#define COLOUR_CELL_BANKS 0xcull
#define COLOUR_CELL_RAM_SIZE QEMU_VIRT_CELL_RAM_SIZE
#define COLOUR_CELL_RAM_FROM QEMU_VIRT_COLOUR_RAM_FROM
#define COLOUR_CELL_COMM_FROM QEMU_VIRT_COLOUR_COMM_FROM
#include "colour-cell.h"
