/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An x86 test cell that owns COM2 (platform.x86.pio[1], ports
 * 0x2f8-0x2ff, taken from the root while it lives): CPU 3, the first
 * 4 MiB of the cell pool, as hello.
 */
#define CELL_NAME "com2"
#define CELL_CPU 3
#define CELL_RAM_PHYS 0x0
#define CELL_COMM_PHYS 0x800000
#define CELL_PIO (1u << 1)
#include "simple-cell.h"
