// SPDX-License-Identifier: GPL-2.0
/*
 * AArch32 cells (WD_CELL_AARCH32): their CPUs run EL1 in AArch32
 * (HCR_EL2.RW = 0). Exits from AArch32 reach the same handlers as
 * AArch64 ones: the syndrome names registers in their AArch64 view
 * (r0..r12 = x0..x12, banked SP/LR above), so only the CP15 encodings and
 * the entry state are AArch32's own, here.
 *
 * Trust: a trap from AArch32 leaves the upper halves of x0..x30 UNKNOWN
 * (architecturally); they are cleared before any handler reads the frame,
 * so a cell cannot smuggle bits a 32-bit register does not have.
 */
#include <arch/aarch32.h>
#include <arch/sysreg.h>
#include <wd/cell.h>
#include <wd/percpu.h>
#include <wd/printk.h>

#define PFR0_EL1_SHIFT 4
#define PFR0_EL1_AARCH32 2
#define SPSR_T BIT(5)
/* AArch32 SVC mode (M[4] set: AArch32) with A, I, F masked. */
#define SPSR_SVC_MASKED 0x1d3ull
/*
 * SCTLR (AArch32) as after reset: MMU and caches off; RES1 bits, CP15
 * barriers enabled (CP15BEN), WFI/WFE not trapped at PL0 (nTWI, nTWE).
 */
#define SCTLR32_RESET 0x00c50838ull

#define CP_ISS_CV BIT(24)
#define CP_ISS_COND(iss) (((iss) >> 20) & 0xf)
#define CP15_CRN(iss) (((iss) >> 10) & 0xf)
#define CP15_OPC1_64(iss) (((iss) >> 16) & 0xf)
#define CP15_RT2(iss) (((iss) >> 10) & 0x1f)
#define CP15_CRM_64(iss) (((iss) >> 1) & 0xf)

bool aarch32_el1_supported(void)
{
	return ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_EL1_SHIFT) ==
	       PFR0_EL1_AARCH32;
}

bool aarch32_cell(const struct cell *cell)
{
	return cell != &root_cell && (cell->desc->flags & WD_CELL_AARCH32);
}

/* SVC mode; Thumb if bit 0 of the entry is set (an interworking address). */
u64 aarch32_entry_spsr(u64 entry)
{
	return SPSR_SVC_MASKED | ((entry & 1) ? SPSR_T : 0);
}

/*
 * AArch32-only EL1 state lives in registers an AArch64 owner never uses:
 * clear it at every entry so one AArch32 cell's banked SPSRs, domain and
 * fault status never reach the next owner of the CPU.
 */
void aarch32_reset_state(const struct cell *cell)
{
	write_sysreg(0, spsr_abt);
	write_sysreg(0, spsr_und);
	write_sysreg(0, spsr_irq);
	write_sysreg(0, spsr_fiq);
	write_sysreg(0, dacr32_el2);
	write_sysreg(0, ifsr32_el2);
	write_sysreg(0, fpexc32_el2);
	if (aarch32_cell(cell))
		write_sysreg(SCTLR32_RESET, sctlr_el1);
}

void aarch32_narrow_frame(struct trap_frame *f)
{
	unsigned int i;

	if (!(read_sysreg(spsr_el2) & SPSR_AARCH32))
		return;
	for (i = 0; i < 31; i++)
		f->x[i] &= 0xffffffffull;
}

/* COND against the interrupted NZCV (bits 31..28 of SPSR). */
static bool cond_holds(unsigned int cond, u64 spsr)
{
	bool n = spsr >> 31 & 1, z = spsr >> 30 & 1, c = spsr >> 29 & 1,
	     v = spsr >> 28 & 1, r;
	bool table[8] = {z, c, n, v, c && !z, n == v, !z && n == v, true};

	r = table[cond >> 1];
	return (cond & 1) && cond != 0xf ? !r : r;
}

/*
 * Whether a trapped conditional A32/T32 instruction failed its condition
 * (an implementation may trap it all the same): then it is a no-op.
 */
bool aarch32_cond_failed(u64 esr)
{
	u64 iss = ESR_ISS(esr);

	return (iss & CP_ISS_CV) &&
	       !cond_holds(CP_ISS_COND(iss), read_sysreg(spsr_el2));
}

/*
 * MCR/MRC p15 (EC 0x03) as the AArch64 system instruction with the same
 * Opc1, CRn, CRm, Opc2: only the cache maintenance space (CRn = 7, Op0 =
 * 1: DCISW, DCCSW, DCCISW are DC ISW/CSW/CISW) maps one to one. Anything
 * else returns 0, which no handler claims: the cell fails.
 */
u64 aarch32_cp15_iss(u64 esr)
{
	u64 iss = ESR_ISS(esr);

	if (CP15_CRN(iss) != 7)
		return 0;
	return (iss & 0xfffffull) | (1ull << 20);
}

/*
 * MCRR p15, 0, Rt, Rt2, c12 is ICC_SGI1R (Rt the low word): true with its
 * 64-bit value; false for any other 64-bit CP15 access or a read.
 */
bool aarch32_sgi1r(const struct trap_frame *f, u64 esr, u64 *value)
{
	u64 iss = ESR_ISS(esr);

	if ((iss & 1) || CP15_OPC1_64(iss) != 0 || CP15_CRM_64(iss) != 12)
		return false;
	*value = frame_reg(f, CP15_RT2(iss)) << 32 |
		 (frame_reg(f, SYSREG_RT(iss)) & 0xffffffffull);
	return true;
}
