/* SPDX-License-Identifier: GPL-2.0 */
/* Second demo cell, to run beside `demo`: CPU 2, the next 16 MiB. */
#define CELL_NAME "demo2"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x78000000
#define CELL_COMM_PHYS 0x7effe000
#include "simple-cell.h"
