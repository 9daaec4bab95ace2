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
#define HCR_TSW BIT(22)
#define HCR_RW BIT(31) /* EL1 is AArch64 */
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
#define SPSR_AARCH32 BIT(4) /* the exception came from AArch32 */

#define MPIDR_AFF_MASK 0xff00ffffffull

/* MDCR_EL2 (Documentation/hypervisor.md, "EL2 controls") */
#define MDCR_HPMN_MASK 0x1full
#define MDCR_TPM BIT(6)
#define MDCR_HPMD BIT(17)

/* CPTR_EL2 without VHE: RES1 bits, TZ (8) and TSM (12) among them. */
#define CPTR_EL2_RES1 0x33ffull
#define CPTR_TTA BIT(20)
#define CPTR_TAM BIT(30)

/* CNTHCTL_EL2 without VHE: EL1 may use the physical counter and timer. */
#define CNTHCTL_EL1PCTEN BIT(0)
#define CNTHCTL_EL1PCEN BIT(1)

/* PMCR_EL0 */
#define PMCR_P BIT(1) /* reset the event counters */
#define PMCR_C BIT(2) /* reset the cycle counter */
#define PMCR_N(pmcr) (((pmcr) >> 11) & 0x1f)
/* PMEVTYPER<n>_EL0, PMCCFILTR_EL0: count at EL2 */
#define PMEVTYPER_NSH BIT(27)

/* ID register fields */
#define ID_FIELD(reg, shift) (((reg) >> (shift)) & 0xf)
#define DFR0_PMUVER_SHIFT 8
#define DFR0_BRPS_SHIFT 12
#define DFR0_WRPS_SHIFT 20
#define PFR0_AMU_SHIFT 44
#define PMUVER_3P1 4
#define PMUVER_IMPDEF 0xf

/*
 * A trapped MSR/MRS or SYS instruction (EC 0x18): its ISS without Rt and
 * the direction bit names the register or instruction.
 */
#define SYSREG_KEY(op0, op1, crn, crm, op2)                             \
	(((u64)(op0) << 20) | ((u64)(op2) << 17) | ((u64)(op1) << 14) | \
	 ((u64)(crn) << 10) | ((u64)(crm) << 1))
#define SYSREG_KEY_MASK 0x3ffc1eull
#define SYSREG_IS_READ(iss) ((iss)&1)
#define SYSREG_RT(iss) (((iss) >> 5) & 0x1f)

#endif
