/* SPDX-License-Identifier: GPL-2.0 */
/*
 * QEMU virt, GICv3, -M virt,iommu=smmuv3: qemu-virt-gicv3.c plus the
 * SMMU, which Warden takes (Documentation/dma.md; scenario smmu).
 */
#define QEMU_VIRT_GIC 3
#define QEMU_VIRT_SMMU 1
#include "qemu-virt-common.h"
