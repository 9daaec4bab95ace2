// SPDX-License-Identifier: GPL-2.0
/*
 * The EL2 controls of a CPU's PMU, debug, timer and FP/SVE state
 * (MDCR_EL2, CPTR_EL2, CNTHCTL_EL2), set at enable and given back at
 * disable, and the reset of the PMU and debug registers every time a CPU
 * enters a cell (Documentation/hypervisor.md, "EL2 controls").
 *
 * Trust: none of this state is read back by Warden; it is cleared so that
 * nothing the previous owner left (counts, breakpoint addresses) reaches
 * the next one, and trapped where clearing is not enough (EL2 counting).
 */
#include <arch/cpu_state.h>
#include <arch/sysreg.h>
#include <wd/percpu.h>

/* 0 without a PMU (or an IMPLEMENTATION DEFINED one Warden cannot use). */
static u64 pmu_version(void)
{
	u64 v = ID_FIELD(read_sysreg(id_aa64dfr0_el1), DFR0_PMUVER_SHIFT);

	return v == PMUVER_IMPDEF ? 0 : v;
}

/*
 * All counters are EL1's (HPMN = N, HPME = 0). Every PMU access traps
 * (TPM) so that Warden can clear the filters' NSH bit: PMUv3 before
 * v3p1 cannot forbid counting at EL2 otherwise (HPMD, set where it
 * exists, does not cover the cycle counter). TDA, TDOSA, TDRA stay 0:
 * debug registers are reset at every hand-over instead of trapped; debug
 * exceptions target EL1 (TDE = 0) and are never taken from EL2. E2PB,
 * E2TB = 0 (profiling and trace buffers: EL1 access traps, unhandled).
 */
static u64 mdcr_value(void)
{
	u64 ver = pmu_version(), mdcr;

	if (!ver)
		return 0;
	mdcr = (PMCR_N(read_sysreg(pmcr_el0)) & MDCR_HPMN_MASK) | MDCR_TPM;
	if (ver >= PMUVER_3P1)
		mdcr |= MDCR_HPMD;
	return mdcr;
}

/*
 * FP/SIMD not trapped (TFP = 0, enter.S clears it at hand-over); SVE
 * and SME trapped (TZ = TSM = 1, RES1 here): Warden does not switch
 * their state, so no owner may use it. Trace system registers (TTA) and
 * activity monitors (TAM, where present) trapped: not reset either.
 */
static u64 cptr_value(void)
{
	u64 cptr = CPTR_EL2_RES1 | CPTR_TTA;

	if (ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_AMU_SHIFT))
		cptr |= CPTR_TAM;
	return cptr;
}

void arch_el2_controls_init(struct arch_percpu *a)
{
	a->stub_mdcr = read_sysreg(mdcr_el2);
	a->stub_cptr = read_sysreg(cptr_el2);
	a->stub_cnthctl = read_sysreg(cnthctl_el2);
	write_sysreg(mdcr_value(), mdcr_el2);
	write_sysreg(cptr_value(), cptr_el2);
	write_sysreg(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN, cnthctl_el2);
	write_sysreg(0, cntvoff_el2);
	write_sysreg(0, cnthp_ctl_el2); /* Warden uses no EL2 timer */
	isb();
}

void arch_el2_controls_exit(const struct arch_percpu *a)
{
	write_sysreg(a->stub_mdcr, mdcr_el2);
	write_sysreg(a->stub_cptr, cptr_el2);
	write_sysreg(a->stub_cnthctl, cnthctl_el2);
	isb();
}

/* Counters and filters zero, nothing enabled, no EL0 access. */
static void reset_pmu(void)
{
	u64 n = PMCR_N(read_sysreg(pmcr_el0)), i;

	for (i = 0; i < n; i++) {
		write_sysreg(i, pmselr_el0);
		isb();
		write_sysreg(0, pmxevtyper_el0);
		write_sysreg(0, pmxevcntr_el0);
	}
	write_sysreg(0, pmselr_el0);
	write_sysreg(0, pmccfiltr_el0);
	write_sysreg(0xffffffffull, pmcntenclr_el0);
	write_sysreg(0xffffffffull, pmintenclr_el1);
	write_sysreg(0xffffffffull, pmovsclr_el0);
	write_sysreg(0, pmuserenr_el0);
	write_sysreg(PMCR_P | PMCR_C, pmcr_el0); /* E = 0 */
	write_sysreg(0, pmccntr_el0);
}

#define RESET_BP(n)                               \
	case n:                                   \
		write_sysreg(0, dbgbcr##n##_el1); \
		write_sysreg(0, dbgbvr##n##_el1); \
		__attribute__((fallthrough))
#define RESET_WP(n)                               \
	case n:                                   \
		write_sysreg(0, dbgwcr##n##_el1); \
		write_sysreg(0, dbgwvr##n##_el1); \
		__attribute__((fallthrough))

/* Breakpoints 0..last: only implemented ones may be touched. */
static void reset_breakpoints(u64 last)
{
	switch (last) {
		RESET_BP(15);
		RESET_BP(14);
		RESET_BP(13);
		RESET_BP(12);
		RESET_BP(11);
		RESET_BP(10);
		RESET_BP(9);
		RESET_BP(8);
		RESET_BP(7);
		RESET_BP(6);
		RESET_BP(5);
		RESET_BP(4);
		RESET_BP(3);
		RESET_BP(2);
		RESET_BP(1);
		RESET_BP(0);
	default:
		break;
	}
}

static void reset_watchpoints(u64 last)
{
	switch (last) {
		RESET_WP(15);
		RESET_WP(14);
		RESET_WP(13);
		RESET_WP(12);
		RESET_WP(11);
		RESET_WP(10);
		RESET_WP(9);
		RESET_WP(8);
		RESET_WP(7);
		RESET_WP(6);
		RESET_WP(5);
		RESET_WP(4);
		RESET_WP(3);
		RESET_WP(2);
		RESET_WP(1);
		RESET_WP(0);
	default:
		break;
	}
}

/*
 * Breakpoints and watchpoints disabled at address 0, no DCC interrupts,
 * OS lock and double lock open (MDSCR_EL1 is cleared with the other EL1
 * registers: debug exceptions stay off until the new owner enables them).
 */
static void reset_debug(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);

	reset_breakpoints(ID_FIELD(dfr0, DFR0_BRPS_SHIFT));
	reset_watchpoints(ID_FIELD(dfr0, DFR0_WRPS_SHIFT));
	write_sysreg(0, mdccint_el1);
	write_sysreg(0, osdlr_el1);
	write_sysreg(0, oslar_el1);
}

void arch_reset_pmu_debug(void)
{
	if (pmu_version())
		reset_pmu();
	reset_debug();
	isb();
}
