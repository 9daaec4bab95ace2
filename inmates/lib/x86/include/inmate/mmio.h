/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 device register access, standing in for the arm64 inmate/mmio.h.
 * Each access is one MOV with the address in a register (opcode 8B/89
 * or 8A/88 with a ModRM byte), never the moffs form (A1/A3) the compiler
 * may pick for a constant address: in a cell the xAPIC page is trapped,
 * and Warden's decoder of the trapped instruction (arch/x86/decode.c)
 * knows the ModRM forms only.
 */
#ifndef INMATE_MMIO_H
#define INMATE_MMIO_H

#include <inmate/types.h>

static inline u32 mmio_read32(uintptr_t addr)
{
	u32 v;

	asm volatile("movl (%1), %0" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void mmio_write32(uintptr_t addr, u32 value)
{
	asm volatile("movl %0, (%1)" : : "r"(value), "r"(addr) : "memory");
}

static inline u8 mmio_read8(uintptr_t addr)
{
	u8 v;

	asm volatile("movb (%1), %0" : "=q"(v) : "r"(addr) : "memory");
	return v;
}

static inline void mmio_write8(uintptr_t addr, u8 value)
{
	asm volatile("movb %0, (%1)" : : "q"(value), "r"(addr) : "memory");
}

static inline u64 mmio_read64(uintptr_t addr)
{
	u64 v;

	asm volatile("movq (%1), %0" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void mmio_write64(uintptr_t addr, u64 value)
{
	asm volatile("movq %0, (%1)" : : "r"(value), "r"(addr) : "memory");
}

#endif
