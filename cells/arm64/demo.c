/* SPDX-License-Identifier: GPL-2.0 */
/* Demo cell for QEMU virt: CPU 3, the first 16 MiB of the cell pool. */
#define CELL_NAME "demo"
#define CELL_CPU 3
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM0
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM0
#include "simple-cell.h"
