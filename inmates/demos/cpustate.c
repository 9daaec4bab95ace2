// SPDX-License-Identifier: GPL-2.0
/*
 * cpustate: what a CPU carries from its previous owner, and what a cell
 * can do with the PMU and the caches (scenario cpustate,
 * Documentation/hypervisor.md "EL2 controls"). In order:
 *
 * 1. reads the PMU and debug registers at entry; all must be at their
 *    reset values ("cpustate: entry state clean (N registers)", else one
 *    "cpustate: DIRTY name = value" line each);
 * 2. SMCCC: SMCCC_VERSION, SMCCC_ARCH_FEATURES of the workarounds, and
 *    PSCI_FEATURES(SMCCC_VERSION), as Warden answers them;
 * 3. cleans and invalidates every data cache by set/way (DC CISW over
 *    each level, plus one DC CSW and one DC ISW) and prints the count,
 *    which `warden cell stats` must show as trapped set/way operations;
 * 4. counts over 1000 hypercalls with filters that count only at EL2
 *    (P, U, NSH): Warden must keep both counters at 0; the same with EL1
 *    counted must not be 0 (the counters work);
 * 5. leaves odd values in the PMU and debug registers for whoever gets
 *    the CPU next, then prints "cpustate: alive N" once a second.
 */
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define PMEV_P (1ul << 31) /* do not count at EL1 */
#define PMEV_U (1ul << 30) /* do not count at EL0 */
#define PMEV_NSH (1ul << 27) /* count at EL2 */
#define EVENT_CPU_CYCLES 0x11ul
#define PMCR_E 1ul
#define PMCR_WRITABLE 0xfful /* E P C D X DP LC LP; P and C read 0 */
#define CYCLE_COUNTER (1ul << 31)
#define OSLSR_OSLK 2ul
#define CALLS 1000

static unsigned int checked, dirty;

#define ONE -1 /* expect(): a register without an index */

static void expect(const char *name, int n, u64 value, u64 want)
{
	checked++;
	if (value == want)
		return;
	dirty++;
	if (n == ONE)
		printf("cpustate: DIRTY %s = 0x%lx (want 0x%lx)\n", name, value,
		       want);
	else
		printf("cpustate: DIRTY %s%d = 0x%lx (want 0x%lx)\n", name, n,
		       value, want);
}

static unsigned int id_field(u64 reg, unsigned int shift)
{
	return (reg >> shift) & 0xf;
}

static unsigned int pmu_counters(void)
{
	unsigned int ver = id_field(read_sysreg(id_aa64dfr0_el1), 8);

	if (!ver || ver == 0xf)
		return 0;
	return (read_sysreg(pmcr_el0) >> 11) & 0x1f;
}

static u64 pmu_indexed(unsigned int n, int typer)
{
	write_sysreg(pmselr_el0, n);
	isb();
	return typer ? read_sysreg(pmxevtyper_el0) : read_sysreg(pmxevcntr_el0);
}

static void check_pmu(unsigned int counters)
{
	unsigned int n;

	expect("PMCR_EL0 writable bits", ONE,
	       read_sysreg(pmcr_el0) & PMCR_WRITABLE, 0);
	expect("PMCNTENSET_EL0", ONE, read_sysreg(pmcntenset_el0), 0);
	expect("PMINTENSET_EL1", ONE, read_sysreg(pmintenset_el1), 0);
	expect("PMOVSSET_EL0", ONE, read_sysreg(pmovsset_el0), 0);
	expect("PMUSERENR_EL0", ONE, read_sysreg(pmuserenr_el0), 0);
	expect("PMSELR_EL0", ONE, read_sysreg(pmselr_el0), 0);
	expect("PMCCFILTR_EL0", ONE, read_sysreg(pmccfiltr_el0), 0);
	expect("PMCCNTR_EL0", ONE, read_sysreg(pmccntr_el0), 0);
	for (n = 0; n < counters; n++) {
		expect("PMEVTYPER", (int)n, pmu_indexed(n, 1), 0);
		expect("PMEVCNTR", (int)n, pmu_indexed(n, 0), 0);
	}
	write_sysreg(pmselr_el0, 0);
}

#define BP_CASE(n)                                     \
	case n:                                        \
		v = wp ? read_sysreg(dbgwvr##n##_el1)  \
		       : read_sysreg(dbgbvr##n##_el1); \
		c = wp ? read_sysreg(dbgwcr##n##_el1)  \
		       : read_sysreg(dbgbcr##n##_el1); \
		break

/* Breakpoint (wp 0) or watchpoint n: value and control register. */
static void read_bp(unsigned int n, int wp, u64 *value, u64 *control)
{
	u64 v = 0, c = 0;

	switch (n) {
		BP_CASE(0);
		BP_CASE(1);
		BP_CASE(2);
		BP_CASE(3);
		BP_CASE(4);
		BP_CASE(5);
		BP_CASE(6);
		BP_CASE(7);
		BP_CASE(8);
		BP_CASE(9);
		BP_CASE(10);
		BP_CASE(11);
		BP_CASE(12);
		BP_CASE(13);
		BP_CASE(14);
		BP_CASE(15);
	}
	*value = v;
	*control = c;
}

static void check_debug(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1), v, c;
	unsigned int n, brps = id_field(dfr0, 12) + 1;
	unsigned int wrps = id_field(dfr0, 20) + 1;

	for (n = 0; n < brps; n++) {
		read_bp(n, 0, &v, &c);
		expect("DBGBVR", (int)n, v, 0);
		expect("DBGBCR", (int)n, c, 0);
	}
	for (n = 0; n < wrps; n++) {
		read_bp(n, 1, &v, &c);
		expect("DBGWVR", (int)n, v, 0);
		expect("DBGWCR", (int)n, c, 0);
	}
	expect("MDSCR_EL1", ONE, read_sysreg(mdscr_el1), 0);
	expect("OSLSR_EL1.OSLK", ONE, read_sysreg(oslsr_el1) & OSLSR_OSLK, 0);
	expect("MDCCINT_EL1", ONE, read_sysreg(mdccint_el1), 0);
}

static void check_entry_state(unsigned int counters)
{
	if (counters)
		check_pmu(counters);
	check_debug();
	if (dirty)
		printf("cpustate: entry state dirty (%u of %u registers)\n",
		       dirty, checked);
	else
		printf("cpustate: entry state clean (%u registers)\n", checked);
}

static void check_smccc(void)
{
	printf("cpustate: smccc version 0x%lx, arch features: version %ld, "
	       "wa1 %ld, wa2 %ld, wa3 %ld; psci features(version) %ld\n",
	       hypercall(0x80000000, 0, 0, 0),
	       hypercall(0x80000001, 0x80000000, 0, 0),
	       hypercall(0x80000001, 0x80008000, 0, 0),
	       hypercall(0x80000001, 0x80007fff, 0, 0),
	       hypercall(0x80000001, 0x80003fff, 0, 0),
	       hypercall(0x8400000a, 0x80000000, 0, 0));
}

static unsigned int log2_up(unsigned int v)
{
	unsigned int n = 0;

	while ((1u << n) < v)
		n++;
	return n;
}

/* DC CISW over every set and way of one data or unified cache level. */
static unsigned long setway_level(unsigned int level)
{
	u64 ccsidr, op;
	unsigned int line, ways, sets, way_shift, way, set;
	unsigned long ops = 0;

	write_sysreg(csselr_el1, level << 1);
	isb();
	ccsidr = read_sysreg(ccsidr_el1);
	line = (ccsidr & 7) + 4;
	ways = ((ccsidr >> 3) & 0x3ff) + 1;
	sets = ((ccsidr >> 13) & 0x7fff) + 1;
	way_shift = 32 - log2_up(ways);
	for (way = 0; way < ways; way++) {
		for (set = 0; set < sets; set++) {
			op = (u64)way << way_shift | (u64)set << line |
			     level << 1;
			asm volatile("dc cisw, %0" : : "r"(op) : "memory");
			ops++;
		}
	}
	return ops;
}

static void setway_all(void)
{
	u64 clidr = read_sysreg(clidr_el1);
	unsigned long ops = 0;
	unsigned int level, type;

	for (level = 0; level < 7; level++) {
		type = (clidr >> (3 * level)) & 7;
		if (!type)
			break;
		if (type >= 2) /* data, separate or unified */
			ops += setway_level(level);
	}
	asm volatile("dc csw, %0" : : "r"(0ul) : "memory");
	asm volatile("dc isw, %0" : : "r"(0ul) : "memory");
	asm volatile("dsb sy" : : : "memory");
	printf("cpustate: set/way ops %lu\n", ops + 2);
}

/* Counter 0 and the cycle counter with one filter, over CALLS calls. */
static void count_calls(u64 filter, u64 *cycles, u64 *events)
{
	unsigned int i;

	write_sysreg(pmcntenclr_el0, 0xffffffff);
	write_sysreg(pmccfiltr_el0, filter);
	write_sysreg(pmselr_el0, 0);
	isb();
	write_sysreg(pmxevtyper_el0, filter | EVENT_CPU_CYCLES);
	write_sysreg(pmxevcntr_el0, 0);
	write_sysreg(pmccntr_el0, 0);
	write_sysreg(pmcr_el0, PMCR_E);
	write_sysreg(pmcntenset_el0, CYCLE_COUNTER | 1);
	isb();
	for (i = 0; i < CALLS; i++)
		hypercall(WD_HC_GET_INFO, WD_INFO_VERSION, 0, 0);
	write_sysreg(pmcntenclr_el0, 0xffffffff);
	isb();
	*cycles = read_sysreg(pmccntr_el0);
	*events = read_sysreg(pmxevcntr_el0);
}

static void check_el2_counting(void)
{
	u64 cycles, events;

	count_calls(PMEV_P | PMEV_U | PMEV_NSH, &cycles, &events);
	printf("cpustate: EL2-only counts over %d hypercalls: cycles %lu "
	       "events %lu (PMCCFILTR reads 0x%lx)\n",
	       CALLS, cycles, events, read_sysreg(pmccfiltr_el0));
	count_calls(PMEV_NSH, &cycles, &events);
	printf("cpustate: EL1+EL2 counts over %d hypercalls: cycles %lu "
	       "events %lu\n",
	       CALLS, cycles, events);
	write_sysreg(pmcr_el0, 0);
}

/* For whoever gets this CPU next: none of it may reach them. */
static void leave_traces(unsigned int counters)
{
	unsigned int n;

	for (n = 0; n < counters; n++) {
		write_sysreg(pmselr_el0, n);
		isb();
		write_sysreg(pmxevtyper_el0, PMEV_U | (0x20 + n));
		write_sysreg(pmxevcntr_el0, 0x5000 + n);
	}
	if (counters) {
		write_sysreg(pmccfiltr_el0, PMEV_U);
		write_sysreg(pmuserenr_el0, 1);
		write_sysreg(pmintenset_el1, 2);
	}
	write_sysreg(dbgbvr0_el1, 0x40001000);
	write_sysreg(dbgbcr0_el1, 0x1e0); /* E = 0: never fires */
	write_sysreg(dbgwvr0_el1, 0x40002000);
	write_sysreg(dbgwcr0_el1, 0x1ff8);
	isb();
	printf("cpustate: left traces in PMU and debug registers\n");
}

void inmate_main(void)
{
	unsigned int counters = pmu_counters();
	u64 deadline = timer_now();

	printf("cpustate: %u PMU counters\n", counters);
	check_entry_state(counters);
	check_smccc();
	setway_all();
	if (counters)
		check_el2_counting();
	leave_traces(counters);
	for (unsigned int tick = 1;; tick++) {
		deadline += timer_frequency();
		inmate_sleep_until(deadline);
		printf("cpustate: alive %u\n", tick);
	}
}
