/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The aarch32 cell (same memory, same name) with two CPUs, 1 and 2: the
 * aarch32 scenario starts the second by PSCI CPU_ON (SMC32) at a T32
 * entry point. Runs beside the demo cell on CPU 3.
 */
#define CELL_NAME "aarch32"
#define CELL_CPU_SET 0x6ull
#define CELL_RAM_PHYS 0x7c000000
#define CELL_COMM_PHYS 0x7effa000
#define CELL_FLAGS WD_CELL_AARCH32
#include "simple-cell.h"
