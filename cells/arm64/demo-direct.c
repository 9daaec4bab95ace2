/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The demo cell (CPU 3, same memory, same name) with direct interrupt
 * delivery: its CPU takes its IRQs at EL1 with no trap to Warden
 * (GICv3 only: the checker refuses it on GICv2). Used by the direct-irq
 * scenario, which runs the faults checks against it too.
 */
#define CELL_NAME "demo"
#define CELL_CPU 3
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM0
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM0
#define CELL_FLAGS WD_CELL_DIRECT_IRQ
#include "simple-cell.h"
