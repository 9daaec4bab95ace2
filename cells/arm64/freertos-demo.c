/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The FreeRTOS cell (freertos.c: CPU 3, 16 MiB at 0x7b000000, comm page
 * 0x7effb000) carrying the admitted rate-monotonic task set (U 0.783,
 * RT_TASKSET_RM_INIT) for freertos-demo, which runs it as FreeRTOS tasks
 * with fixed priorities (inmates/freertos/README.md).
 */
#define RTOS_CELL_NAME "freertos"
#define RTOS_CELL_CPU 3
#define RTOS_CELL_RAM 0x7b000000
#define RTOS_CELL_COMM 0x7effb000
#define RTOS_CELL_TASKSET RT_TASKSET_RM_INIT
#include "rtos-cell.h"
