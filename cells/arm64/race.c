/* SPDX-License-Identifier: GPL-2.0 */
/* Two-CPU cell for the PSCI race scenario (inmates/demos/race.c). */
#define CELL_NAME "race"
#define CELL_CPU_SET ((1ull << 2) | (1ull << 3))
#define CELL_RAM_PHYS 0x77000000
#define CELL_COMM_PHYS 0x7efff000
#include "simple-cell.h"
