/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell that is no peer of link 1 (Documentation/ivshmem.md): CPU 2,
 * demo2's memory, no link and no shared region. Its inmate
 * (shm-intruder.bin) tries to ring link 1 and to read its memory.
 */
#define CELL_NAME "intruder"
#define CELL_CPU 2
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM1
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM1
#include "simple-cell.h"
