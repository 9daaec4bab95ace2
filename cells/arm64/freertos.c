/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FreeRTOS cell for QEMU virt (inmates/freertos): CPU 3, 16 MiB of the
 * cell pool at 0x7b000000 (free of the other shipped cells that run with
 * it: Documentation/qemu-virt.md), comm page 0x7effb000. The kernel, the
 * demo tasks and a 1 MiB heap_4 take about 1.3 MiB of it.
 */
#define CELL_NAME "freertos"
#define CELL_CPU 3
#define CELL_RAM_PHYS 0x7b000000
#define CELL_COMM_PHYS 0x7effb000
#include "simple-cell.h"
