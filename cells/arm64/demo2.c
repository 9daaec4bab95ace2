/* SPDX-License-Identifier: GPL-2.0 */
/* Second demo cell, to run beside `demo`: CPU 2, the next 16 MiB. */
#define CELL_NAME "demo2"
#define CELL_CPU 2
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM1
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM1
#include "simple-cell.h"
