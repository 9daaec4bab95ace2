/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Emulated MMIO: a cell's stage 2 leaves these ranges unmapped, the arch
 * decodes the faulting access and mmio_dispatch() hands it to the handler
 * registered for the range.
 */
#ifndef WD_MMIO_H
#define WD_MMIO_H

#include <core.h>

#include <wd/types.h>

struct cell;

struct mmio_access {
	u64 addr; /* guest-physical */
	u64 value; /* written value, or the value read */
	u8 size; /* 1, 2, 4 or 8 bytes */
	bool write;
};

/* Returns 0 when emulated, -errno to make the access fault in the cell. */
/* Declared in core.h: mmio_handler_fn. */

#define MMIO_MAX_REGIONS 8

struct mmio_region {
	u64 start;
	u64 size;
	mmio_handler_fn handler;
	void *arg;
};

/* Declared in core.h: mmio_register(). */
/* -ENOENT when no region covers the access. */
/* Declared in core.h: mmio_dispatch(). */

#endif
