/* SPDX-License-Identifier: GPL-2.0 */
/* System register access and barriers. */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#include <wd/types.h>

#define read_sysreg(r)                                     \
	({                                                 \
		u64 __val;                                 \
		asm volatile("mrs %0, " #r : "=r"(__val)); \
		__val;                                     \
	})

#define write_sysreg(v, r) \
	asm volatile("msr " #r ", %0" : : "r"((u64)(v)) : "memory")

#define isb() asm volatile("isb" : : : "memory")
#define dsb(opt) asm volatile("dsb " #opt : : : "memory")
#define wfi() asm volatile("wfi" : : : "memory")

/* HCR_EL2 */
#define HCR_VM BIT(0)
#define HCR_SWIO BIT(1)
#define HCR_FMO BIT(3)
#define HCR_IMO BIT(4)
#define HCR_AMO BIT(5)
#define HCR_TSC BIT(19)
#define HCR_TIDCP BIT(20)
#define HCR_TACR BIT(21)
#define HCR_RW BIT(31)
#define HCR_APK BIT(40)
#define HCR_API BIT(41)
#define HCR_ATA BIT(56)
/* Bits of Linux's own HCR_EL2 the root keeps (pointer auth, MTE). */
#define HCR_KEEP_FROM_LINUX (HCR_APK | HCR_API | HCR_ATA)

/* SCTLR_EL2 (non-VHE) */
#define SCTLR_EL2_RES1 0x30c50830ull
#define SCTLR_M BIT(0)
#define SCTLR_C BIT(2)
#define SCTLR_SA BIT(3)
#define SCTLR_I BIT(12)
/* SCTLR_EL1 as after reset: MMU and caches off (RES1 bits only). */
#define SCTLR_EL1_RESET 0x30d00800ull

/* SPSR: EL1h with D, A, I, F masked, as a CPU comes out of reset. */
#define SPSR_EL1H_MASKED 0x3c5ull
#define SPSR_MODE_MASK 0xfull
#define SPSR_MODE_EL0T 0x0ull
#define SPSR_MODE_EL1T 0x4ull
#define SPSR_MODE_EL1H 0x5ull

#define MPIDR_AFF_MASK 0xff00ffffffull

#endif
