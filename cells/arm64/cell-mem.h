/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory regions of the shipped cells, by kind, at the guest-physical
 * addresses every shipped cell uses (qemu-virt-board.h), so each cell
 * config says only where in the pool its memory is.
 */
#ifndef CELLS_ARM64_CELL_MEM_H
#define CELLS_ARM64_CELL_MEM_H

#include <warden/config.h>

#include "qemu-virt-board.h"

/* RAM the root may load an image into, where the inmates are linked. */
#define CELL_MEM_RAM(phys, bytes)                                        \
	{                                                                \
		.phys_start = (phys), .virt_start = QEMU_VIRT_GUEST_RAM, \
		.size = (bytes),                                         \
		.flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC |      \
			 WD_MEM_LOADABLE,                                \
	}

/* The comm region: one page. */
#define CELL_MEM_COMM(phys)                                               \
	{                                                                 \
		.phys_start = (phys), .virt_start = QEMU_VIRT_GUEST_COMM, \
		.size = QEMU_VIRT_PAGE_SIZE,                              \
		.flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM,        \
	}

/* A link's shared memory (QEMU_VIRT_LINK_SIZE). */
#define CELL_MEM_SHM(phys)                                               \
	{                                                                \
		.phys_start = (phys), .virt_start = QEMU_VIRT_GUEST_SHM, \
		.size = QEMU_VIRT_LINK_SIZE,                             \
		.flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED,     \
	}

#endif
