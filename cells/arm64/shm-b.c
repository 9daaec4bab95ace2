/* SPDX-License-Identifier: GPL-2.0 */
/* Second peer of link 2 (shm-cell.h): CPU 3, doorbell INTID 227. */
#define CELL_NAME "shm-b"
#define CELL_CPU 3
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM0
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM0
#define CELL_DOORBELL QEMU_VIRT_DOORBELL_SHM_B
#include "shm-cell.h"
