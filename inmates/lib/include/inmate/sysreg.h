/* SPDX-License-Identifier: GPL-2.0 */
/* System register access and the few barriers the library needs. */
#ifndef INMATE_SYSREG_H
#define INMATE_SYSREG_H

#include <inmate/types.h>

#define read_sysreg(reg)                                     \
	({                                                   \
		u64 __val;                                   \
		asm volatile("mrs %0, " #reg : "=r"(__val)); \
		__val;                                       \
	})

#define write_sysreg(reg, val) \
	asm volatile("msr " #reg ", %0" : : "r"((u64)(val)) : "memory")

/*
 * GICv3 CPU interface registers by encoding, so that assemblers without
 * the GIC names still accept them.
 */
#define ICC_SRE_EL1 S3_0_C12_C12_5
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_BPR1_EL1 S3_0_C12_C12_3
#define ICC_CTLR_EL1 S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_SGI1R_EL1 S3_0_C12_C11_5

static inline void isb(void)
{
	asm volatile("isb" : : : "memory");
}

static inline void dsb_sy(void)
{
	asm volatile("dsb sy" : : : "memory");
}

static inline void irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

static inline void wait_for_interrupt(void)
{
	asm volatile("wfi" : : : "memory");
}

/* A hint that tells an emulator or SMT core this is a polling loop. */
static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

static inline u64 cpu_mpidr(void)
{
	return read_sysreg(mpidr_el1);
}

#endif
