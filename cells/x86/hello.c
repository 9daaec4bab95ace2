/* SPDX-License-Identifier: GPL-2.0 */
/* x86 test cell on q35: CPU 3, the first 4 MiB of the cell pool. */
#define CELL_NAME "hello"
#define CELL_CPU 3
#define CELL_RAM_PHYS 0x0
#define CELL_COMM_PHYS 0x800000
#include "simple-cell.h"
