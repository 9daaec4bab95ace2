/* SPDX-License-Identifier: GPL-2.0 */
/* First peer of link 2 (shm-cell.h): CPU 2, doorbell INTID 226. */
#define CELL_NAME "shm-a"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x78000000
#define CELL_COMM_PHYS 0x7effe000
#define CELL_DOORBELL 226
#include "shm-cell.h"
