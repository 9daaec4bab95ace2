/* SPDX-License-Identifier: GPL-2.0 */
/* QEMU virt, GICv3: see qemu-virt-common.h */
#define QEMU_VIRT_GIC 3
#include "qemu-virt-common.h"
