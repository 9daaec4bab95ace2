/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 counterparts of the arm64 helpers the portable library and demos
 * use (stands in for inmates/lib/include/inmate/sysreg.h), plus MSRs.
 */
#ifndef INMATE_SYSREG_H
#define INMATE_SYSREG_H

#include <inmate/types.h>

static inline void irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline void irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

/* HLT: woken by any interrupt (IF = 1) or never (IF = 0). */
static inline void wait_for_interrupt(void)
{
	asm volatile("hlt" : : : "memory");
}

/* STI's one-instruction shadow: no IRQ is taken between it and HLT. */
static inline void irq_enable_and_wait(void)
{
	asm volatile("sti; hlt" : : : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

static inline u64 read_msr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (u64)hi << 32 | lo;
}

static inline void write_msr(u32 msr, u64 value)
{
	asm volatile("wrmsr"
		     :
		     : "c"(msr), "a"((u32)value), "d"((u32)(value >> 32))
		     : "memory");
}

/* LFENCE keeps the read from moving ahead of earlier instructions. */
static inline u64 read_tsc(void)
{
	u32 lo, hi;

	asm volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (u64)hi << 32 | lo;
}

#endif
