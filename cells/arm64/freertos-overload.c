/* SPDX-License-Identifier: GPL-2.0 */
/*
 * freertos-demo.c's cell with the overloaded RM set (U 1.100): refused by
 * admission control; forced in (--no-admission), its misses show that
 * freertos-demo counts them (scenario freertos-demo).
 */
#define RTOS_CELL_NAME "freertos"
#define RTOS_CELL_CPU 3
#define RTOS_CELL_RAM 0x7b000000
#define RTOS_CELL_COMM 0x7effb000
#define RTOS_CELL_TASKSET RT_TASKSET_OVERLOAD_INIT(WD_RT_RM)
#include "rtos-cell.h"
