/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device register access. The inmate runs with its MMU off, so every data
 * access is Device-nGnRnE and needs no barrier against reordering with
 * other device accesses; the volatile keeps the compiler from merging,
 * splitting or dropping accesses (a split access would fault).
 */
#ifndef INMATE_MMIO_H
#define INMATE_MMIO_H

#include <inmate/types.h>

static inline u32 mmio_read32(uintptr_t addr)
{
	return *(volatile u32 *)addr;
}

static inline void mmio_write32(uintptr_t addr, u32 value)
{
	*(volatile u32 *)addr = value;
}

static inline u64 mmio_read64(uintptr_t addr)
{
	return *(volatile u64 *)addr;
}

static inline void mmio_write64(uintptr_t addr, u64 value)
{
	*(volatile u64 *)addr = value;
}

static inline u16 mmio_read16(uintptr_t addr)
{
	return *(volatile u16 *)addr;
}

static inline void mmio_write16(uintptr_t addr, u16 value)
{
	*(volatile u16 *)addr = value;
}

static inline u8 mmio_read8(uintptr_t addr)
{
	return *(volatile u8 *)addr;
}

static inline void mmio_write8(uintptr_t addr, u8 value)
{
	*(volatile u8 *)addr = value;
}

#endif
