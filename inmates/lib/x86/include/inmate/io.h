/* SPDX-License-Identifier: GPL-2.0 */
/* x86 I/O port access. In a cell, a port the cell does not own fails it. */
#ifndef INMATE_IO_H
#define INMATE_IO_H

#include <inmate/types.h>

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(u16 port, u8 v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

static inline void outl(u16 port, u32 v)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

#endif
