// SPDX-License-Identifier: GPL-2.0
/*
 * PMU register accesses of EL1 and EL0, trapped by MDCR_EL2.TPM and
 * done again at EL2 for the cell: the counters are the cell's own (reset
 * at every hand-over), Warden only clears the NSH bit of every event
 * filter written, so no owner counts what Warden does at EL2.
 *
 * Trust: the register number and value come from the cell. Counter
 * numbers are checked against PMCR_EL0.N before they reach PMSELR_EL0,
 * and only registers that exist in the accessed direction are touched:
 * an access Warden cannot do correctly at EL2 is left to the caller
 * (unhandled: the root gets an undefined instruction, a cell fails).
 */
#include <warden/hypercall.h>
#include <arch/cpu_state.h>
#include <arch/sysreg.h>
#include <wd/percpu.h>

#define PMU_KEY(crm, op2) SYSREG_KEY(3, 3, 9, crm, op2)
#define PMCR_KEY PMU_KEY(12, 0)
#define PMCNTENSET_KEY PMU_KEY(12, 1)
#define PMCNTENCLR_KEY PMU_KEY(12, 2)
#define PMOVSCLR_KEY PMU_KEY(12, 3)
#define PMSWINC_KEY PMU_KEY(12, 4)
#define PMSELR_KEY PMU_KEY(12, 5)
#define PMCEID0_KEY PMU_KEY(12, 6)
#define PMCEID1_KEY PMU_KEY(12, 7)
#define PMCCNTR_KEY PMU_KEY(13, 0)
#define PMXEVTYPER_KEY PMU_KEY(13, 1)
#define PMXEVCNTR_KEY PMU_KEY(13, 2)
#define PMUSERENR_KEY PMU_KEY(14, 0)
#define PMOVSSET_KEY PMU_KEY(14, 3)
#define PMINTENSET_KEY SYSREG_KEY(3, 0, 9, 14, 1)
#define PMINTENCLR_KEY SYSREG_KEY(3, 0, 9, 14, 2)
/* PMEVCNTR<n>_EL0: CRn 14, CRm 0b10:n[4:3], op2 n[2:0]; TYPER: CRm 0b11 */
#define PMEV_KEY_MASK SYSREG_KEY(3, 7, 15, 8, 0)
#define PMEV_KEY SYSREG_KEY(3, 3, 14, 8, 0)
#define PMEV_TYPER(key) (((key) >> 3) & 1) /* CRm bit 2 */
#define PMEV_INDEX(key) (((((key) >> 1) & 3) << 3) | (((key) >> 17) & 7))
#define PMCCFILTR_INDEX 31

/* One access; *v in and out. */
struct pmu_access {
	u64 key;
	bool read;
	u64 *v;
};

#define PMU_RW(key, reg)                          \
	case key:                                 \
		if (a->read)                      \
			*a->v = read_sysreg(reg); \
		else                              \
			write_sysreg(*a->v, reg); \
		return true
#define PMU_RO(key, reg)                  \
	case key:                         \
		if (!a->read)             \
			return false;     \
		*a->v = read_sysreg(reg); \
		return true

/* A counter's type or count through PMSELR_EL0, whose value is kept. */
static bool pmu_indexed(u64 n, bool typer, const struct pmu_access *a)
{
	u64 counters = PMCR_N(read_sysreg(pmcr_el0));
	u64 sel = read_sysreg(pmselr_el0);

	if (n >= counters && !(typer && n == PMCCFILTR_INDEX))
		return false;
	write_sysreg(n, pmselr_el0);
	isb();
	if (a->read)
		*a->v = typer ? read_sysreg(pmxevtyper_el0)
			      : read_sysreg(pmxevcntr_el0);
	else if (typer)
		write_sysreg(*a->v & ~PMEVTYPER_NSH, pmxevtyper_el0);
	else
		write_sysreg(*a->v, pmxevcntr_el0);
	write_sysreg(sel, pmselr_el0);
	isb();
	return true;
}

static bool pmu_plain(const struct pmu_access *a)
{
	switch (a->key) {
		PMU_RW(PMCR_KEY, pmcr_el0);
		PMU_RW(PMCNTENSET_KEY, pmcntenset_el0);
		PMU_RW(PMCNTENCLR_KEY, pmcntenclr_el0);
		PMU_RW(PMOVSCLR_KEY, pmovsclr_el0);
		PMU_RW(PMOVSSET_KEY, pmovsset_el0);
		PMU_RW(PMSELR_KEY, pmselr_el0);
		PMU_RW(PMCCNTR_KEY, pmccntr_el0);
		PMU_RW(PMUSERENR_KEY, pmuserenr_el0);
		PMU_RW(PMINTENSET_KEY, pmintenset_el1);
		PMU_RW(PMINTENCLR_KEY, pmintenclr_el1);
		PMU_RO(PMCEID0_KEY, pmceid0_el0);
		PMU_RO(PMCEID1_KEY, pmceid1_el0);
	case PMSWINC_KEY:
		if (!a->read)
			write_sysreg(*a->v, pmswinc_el0);
		return !a->read;
	default:
		return false;
	}
}

static bool pmu_access(const struct pmu_access *a)
{
	u64 sel;

	if ((a->key & PMEV_KEY_MASK) == PMEV_KEY)
		return pmu_indexed(PMEV_INDEX(a->key), PMEV_TYPER(a->key), a);
	if (a->key == PMXEVTYPER_KEY || a->key == PMXEVCNTR_KEY) {
		sel = read_sysreg(pmselr_el0) & 0x1f;
		return pmu_indexed(sel, a->key == PMXEVTYPER_KEY, a);
	}
	return pmu_plain(a);
}

bool pmu_handle_trap(struct percpu *pc, struct trap_frame *f, u64 iss)
{
	u64 v = frame_reg(f, SYSREG_RT(iss));
	struct pmu_access a = {iss & SYSREG_KEY_MASK, SYSREG_IS_READ(iss), &v};

	if (!(read_sysreg(mdcr_el2) & MDCR_TPM) || !pmu_access(&a))
		return false;
	if (a.read)
		frame_set_reg(f, SYSREG_RT(iss), v);
	pc->stats[WD_STAT_SYSREG]++;
	skip_instruction();
	return true;
}
