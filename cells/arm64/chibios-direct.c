/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The chibios cell (CPU 2, same memory, same name) with direct interrupt
 * delivery (GICv3 only): ChibiOS's tick reaches its AArch32 EL1 with no
 * trap. The ARM port masks by CPSR.I, which a direct cell keeps (no PMR
 * games as FreeRTOS needs). Used by the rtos-bench scenario (make bench).
 */
#define CELL_NAME "chibios"
#define CELL_CPU 2
#define CELL_RAM_PHYS 0x7c000000
#define CELL_COMM_PHYS 0x7effa000
#define CELL_FLAGS (WD_CELL_AARCH32 | WD_CELL_DIRECT_IRQ)
#include "simple-cell.h"
