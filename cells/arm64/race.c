/* SPDX-License-Identifier: GPL-2.0 */
/* Two-CPU cell for the PSCI race scenario (inmates/demos/race.c). */
#define CELL_NAME "race"
#define CELL_CPU_SET ((1ull << 2) | (1ull << 3))
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM0
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM0
#include "simple-cell.h"
