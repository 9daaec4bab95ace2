/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ChibiOS/RT demo cell (inmates/chibios, chibios-demo): the rtos cell's
 * place (CPU 2, the second 16 MiB of the pool) in AArch32, with the
 * rate-monotonic task set (U 0.783, admitted by response-time analysis):
 * ChibiOS schedules by fixed priority.
 */
#define RTOS_CELL_NAME "chibios-demo"
#define RTOS_CELL_TASKSET RT_TASKSET_RM_INIT
#define RTOS_CELL_FLAGS (WD_CELL_RT_TASKSET | WD_CELL_AARCH32)
#include "rtos-cell.h"
