/* SPDX-License-Identifier: GPL-2.0 */
/* First peer of link 2 (shm-cell.h): CPU 2, doorbell INTID 226. */
#define CELL_NAME "shm-a"
#define CELL_CPU 2
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM1
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM1
#define CELL_DOORBELL QEMU_VIRT_DOORBELL_SHM_A
#include "shm-cell.h"
