/* SPDX-License-Identifier: GPL-2.0 */
/* A second x86 test cell beside hello: CPU 2, the next 4 MiB. */
#define CELL_NAME "hello2"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x400000
#define CELL_COMM_PHYS 0x801000
#include "simple-cell.h"
