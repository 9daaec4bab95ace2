/* SPDX-License-Identifier: GPL-2.0 */
/* Second peer of link 2 (shm-cell.h): CPU 3, doorbell INTID 227. */
#define CELL_NAME "shm-b"
#define CELL_CPU 3
#define CELL_RAM_PHYS 0x77000000
#define CELL_COMM_PHYS 0x7efff000
#define CELL_DOORBELL 227
#include "shm-cell.h"
