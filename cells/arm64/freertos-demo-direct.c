/* SPDX-License-Identifier: GPL-2.0 */
/*
 * freertos-demo.c's cell (the admitted RM set) with direct interrupt
 * delivery (GICv3 only): runs freertos-demo-gicv3-direct.
 */
#define RTOS_CELL_NAME "freertos"
#define RTOS_CELL_CPU 3
#define RTOS_CELL_RAM 0x7b000000
#define RTOS_CELL_COMM 0x7effb000
#define RTOS_CELL_TASKSET RT_TASKSET_RM_INIT
#define RTOS_CELL_FLAGS WD_CELL_DIRECT_IRQ
#include "rtos-cell.h"
