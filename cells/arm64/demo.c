/* SPDX-License-Identifier: GPL-2.0 */
/* Demo cell for QEMU virt: CPU 3, the first 16 MiB of the cell pool. */
#define CELL_NAME "demo"
#define CELL_CPU 3
#define CELL_RAM_PHYS 0x77000000
#define CELL_COMM_PHYS 0x7efff000
#include "simple-cell.h"
