/* SPDX-License-Identifier: GPL-2.0 */
/* QEMU virt, GICv2: see qemu-virt-common.h */
#define QEMU_VIRT_GIC 2
#include "qemu-virt-common.h"
