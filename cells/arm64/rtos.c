/* SPDX-License-Identifier: GPL-2.0 */
/* RTOS cell with the admitted EDF task set (U 0.800): rtos-cell.h */
#define RTOS_CELL_NAME "rtos"
#define RTOS_CELL_TASKSET RT_TASKSET_EDF_INIT
#include "rtos-cell.h"
