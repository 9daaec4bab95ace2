/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scenario smmu: a plain cell on CPU 3 that takes the root's PCI probe
 * device's DMA stream (qemu-virt-smmu.c); destroy gives it back.
 */
#define CELL_NAME "dma"
#define CELL_CPU 3
#define CELL_RAM_PHYS QEMU_VIRT_CELL_RAM0
#define CELL_COMM_PHYS QEMU_VIRT_CELL_COMM0
#define CELL_STREAM (QEMU_VIRT_SMMU_PROBE_SLOT << 3)
#include "simple-cell.h"
