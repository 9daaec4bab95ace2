/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For measuring colouring's cost: 64 MiB of colours 0-23 (any bank),
 * spanning 86 MiB of the pool from its start; flat-64m.c is the same
 * cell without colours. Create one at a time. See colour-cell.h.
 */
#define COLOUR_CELL_NAME "colour-64m"
#define COLOUR_CELL_CPU 3
#define COLOUR_CELL_COLOURS 0x00ffffffull
#define COLOUR_CELL_BANKS 0
#define COLOUR_CELL_RAM_SIZE (4 * QEMU_VIRT_CELL_RAM_SIZE)
#define COLOUR_CELL_RAM_FROM QEMU_VIRT_POOL_BASE
#define COLOUR_CELL_COMM_FROM QEMU_VIRT_COLOUR_COMM_FROM
#include "colour-cell.h"
