/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The FreeRTOS cell (freertos.c: CPU 3, 16 MiB at 0x7b000000, comm page
 * 0x7effb000) with direct interrupt delivery: FreeRTOS's tick reaches EL1
 * with no trap to Warden (GICv3 only). Runs the *-gicv3-direct images
 * (inmates/freertos/README.md).
 */
#define CELL_NAME "freertos"
#define CELL_CPU 3
#define CELL_RAM_PHYS 0x7b000000
#define CELL_COMM_PHYS 0x7effb000
#define CELL_FLAGS WD_CELL_DIRECT_IRQ
#include "simple-cell.h"
