// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions injected into a cell's EL1, taken at its VBAR_EL1 exactly as
 * if the hardware had raised them: the cell sees an undefined instruction
 * or an external data abort instead of Warden stopping.
 */
#include <arch/sysreg.h>
#include <arch/traps.h>

#define ESR_EL1_IL BIT(25)
#define EC_SHIFT 26
#define DFSC_EXT_ABORT 0x10
#define ISS_WNR BIT(6)

#define ESR_IL BIT(25)
#define SPSR_T BIT(5)
#define SPSR_IT_LOW(spsr) (((spsr) >> 25) & 3)
#define SPSR_IT_HIGH(spsr) (((spsr) >> 10) & 0x3f)
#define SPSR_IT_MASK (3ull << 25 | 0x3full << 10)

/*
 * A T32 instruction in an IT block: the next one gets the next condition
 * (ITSTATE advances as the hardware would have done on completing it).
 */
static void advance_itstate(void)
{
	u64 spsr = read_sysreg(spsr_el2);
	u64 it = SPSR_IT_HIGH(spsr) << 2 | SPSR_IT_LOW(spsr);

	if (!(spsr & SPSR_AARCH32) || !(spsr & SPSR_T) || !it)
		return;
	it = (it & 7) ? (it & 0xe0) | ((it << 1) & 0x1f) : 0;
	spsr = (spsr & ~SPSR_IT_MASK) | (it & 3) << 25 | (it >> 2) << 10;
	write_sysreg(spsr, spsr_el2);
}

/* IL = 0 only for a 16-bit T32 instruction from AArch32. */
void skip_instruction(void)
{
	u64 len = (read_sysreg(esr_el2) & ESR_IL) ? 4 : 2;

	advance_itstate();
	write_sysreg(read_sysreg(elr_el2) + len, elr_el2);
}

#define SPSR_PAN BIT(22)
#define SCTLR_SPAN BIT(23)
#define MMFR1_PAN_SHIFT 20

/* Vector offset for an exception taken to EL1 from the mode in spsr. */
static u64 vector_offset(u64 spsr)
{
	if (spsr & SPSR_AARCH32)
		return 0x600;
	switch (spsr & SPSR_MODE_MASK) {
	case SPSR_MODE_EL1T:
		return 0x000;
	case SPSR_MODE_EL1H:
		return 0x200;
	default:
		return 0x400;
	}
}

/* PSTATE as the hardware sets it on taking an exception to EL1h. */
static u64 entry_pstate(void)
{
	u64 pstate = SPSR_EL1H_MASKED;
	bool has_pan = (read_sysreg(id_aa64mmfr1_el1) >> MMFR1_PAN_SHIFT) & 0xf;

	if (has_pan && !(read_sysreg(sctlr_el1) & SCTLR_SPAN))
		pstate |= SPSR_PAN;
	return pstate;
}

static void inject_sync(u64 esr, u64 far)
{
	u64 spsr = read_sysreg(spsr_el2);

	write_sysreg(esr, esr_el1);
	write_sysreg(far, far_el1);
	write_sysreg(read_sysreg(elr_el2), elr_el1);
	write_sysreg(spsr, spsr_el1);
	write_sysreg(read_sysreg(vbar_el1) + vector_offset(spsr), elr_el2);
	write_sysreg(entry_pstate(), spsr_el2);
}

static bool from_el0(void)
{
	u64 spsr = read_sysreg(spsr_el2);

	return (spsr & SPSR_AARCH32) ||
	       (spsr & SPSR_MODE_MASK) == SPSR_MODE_EL0T;
}

void inject_undef(void)
{
	inject_sync(ESR_EL1_IL | ((u64)EC_UNKNOWN << EC_SHIFT), 0);
}

void inject_data_abort(u64 far, bool write)
{
	u64 ec = from_el0() ? EC_DABT_LOW : EC_DABT_CUR;
	u64 esr = ESR_EL1_IL | (ec << EC_SHIFT) | DFSC_EXT_ABORT;

	inject_sync(write ? esr | ISS_WNR : esr, far);
}
