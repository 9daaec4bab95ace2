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
#define COLOUR_CELL_RAM_SIZE 0x01000000
#define COLOUR_CELL_RAM_FROM 0x7a000000
#define COLOUR_CELL_COMM_FROM 0x7e000000
#include "colour-cell.h"
