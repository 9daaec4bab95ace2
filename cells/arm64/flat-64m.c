/* SPDX-License-Identifier: GPL-2.0 */
/*
 * colour-64m.c without colours: 64 MiB of contiguous pool RAM, mapped
 * with 2 MiB blocks. See colour-cell.h.
 */
#define COLOUR_CELL_NAME "flat-64m"
#define COLOUR_CELL_CPU 3
#define COLOUR_CELL_COLOURS 0
#define COLOUR_CELL_BANKS 0
#define COLOUR_CELL_RAM_SIZE (4 * QEMU_VIRT_CELL_RAM_SIZE)
#define COLOUR_CELL_RAM_FROM QEMU_VIRT_POOL_BASE
#define COLOUR_CELL_COMM_FROM QEMU_VIRT_CELL_COMM3
#include "colour-cell.h"
