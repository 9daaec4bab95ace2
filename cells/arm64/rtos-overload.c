/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RTOS cell with an overloaded EDF task set (U 1.100): `warden config
 * check` refuses it; `--no-admission` (a test flag) lets it through to
 * show the deadline misses. See rtos-cell.h.
 */
#define RTOS_CELL_NAME "rtos"
#define RTOS_CELL_TASKSET RT_TASKSET_OVERLOAD_INIT(WD_RT_EDF)
#include "rtos-cell.h"
