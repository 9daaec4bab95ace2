// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * aarch32-test: checks of an AArch32 cell (WD_CELL_AARCH32), compiled as
 * T32 (so that 16-bit loads and stores reach Warden's MMIO emulation)
 * and started from the A32 entry. Prints one line per check, then timer
 * ticks. In a cell with a second CPU, starts it by CPU_ON at a T32 entry. With FAULT_CASE, one fault instead (aarch32-fault-NAME): Warden
 * must fail this cell with its message and nothing else.
 *   undef      an undefined instruction (reported by the inmate)
 *   oob-write  a store outside the cell's memory (stage-2 abort)
 *   oob-exec   a jump outside the cell's memory (stage-2 prefetch abort)
 *   cp15       a read of ACTLR (trapped, forbidden to cells)
 *   writeback  a post-indexed load from the GIC distributor: the
 *              syndrome cannot describe it (ISV = 0), so no emulation
 */
#include <warden/config.h>
#include <warden/hypercall.h>

#include "a32.h"

#define PSCI_VERSION 0x84000000u
#define PSCI_FEATURES 0x8400000au
#define PSCI_CPU_ON 0x84000003u
#define PSCI_CPU_OFF 0x84000002u
#define TICK_HZ 10
#define SGI_TEST 1
#define OUTSIDE 0x60000000u

static volatile uint32_t ticks, sgis, secondary_state;
static uint64_t secondary_stack[256];

void a32_irq(uint32_t intid)
{
	if (intid == A32_VTIMER_IRQ) {
		a32_vtimer_set(a32_counter_freq() / TICK_HZ);
		ticks++;
	} else if (intid == SGI_TEST) {
		sgis++;
	}
}

static uint32_t cpsr(void)
{
	uint32_t v;

	asm volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

static void banner(void)
{
	a32_printf("aarch32: hello from AArch32 EL1, mode 0x%x, comm %s, "
		   "cell '%s', GICv%u\n",
		   (unsigned int)(cpsr() & 0x1f),
		   a32_comm->signature == WD_COMM_SIGNATURE ? "ok" : "BAD",
		   (const char *)a32_comm->name,
		   (unsigned int)a32_gic_version());
}

/* PSCI through SMC32 (trapped by HCR_EL2.TSC). */
static void check_psci(void)
{
	long v = a32_smc(PSCI_VERSION, 0, 0, 0);

	a32_printf("aarch32: PSCI version %ld.%ld by SMC32, CPU_ON %s\n",
		   v >> 16, v & 0xffff,
		   a32_smc(PSCI_FEATURES, PSCI_CPU_ON, 0, 0) == 0 ? "supported"
								  : "missing");
}

/*
 * A sign-extending byte load of an emulated register (the timer PPI's
 * priority, 0xa0 after a32_gic_enable): LDRSB must give -96.
 */
static void check_mmio_sign(void)
{
	uintptr_t base = a32_gic_ppi_base();

	a32_printf("aarch32: LDRSB of IPRIORITYR%u = %d\n", A32_VTIMER_IRQ,
		   *(volatile int8_t *)(base + 0x400 + A32_VTIMER_IRQ));
}

/* DCCISW (MCR p15, 0, Rt, c7, c14, 2) is trapped (HCR_EL2.TSW). */
static void check_setway(void)
{
	cp15_write(0, c7, c14, 2, 0);
	dsb();
	a32_printf("aarch32: DCCISW by set/way returned\n");
}

static void check_sgi(void)
{
	uint64_t end;

	a32_gic_enable(SGI_TEST);
	a32_gic_sgi_self(SGI_TEST);
	end = a32_counter() + a32_counter_freq();
	while (!sgis && a32_counter() < end)
		wfi();
	a32_printf("aarch32: SGI %u to self by %s: %s\n", SGI_TEST,
		   a32_gic_version() == WD_GIC_V3 ? "ICC_SGI1R (MCRR)"
						  : "GICD_SGIR",
		   sgis ? "received" : "LOST");
}

void a32_secondary(void);

/*
 * T32 code entered through CPU_ON at an odd address (a32_secondary | 1):
 * that it runs at all shows Warden entered it in T32 state.
 */
void a32_secondary_main(void)
{
	uint32_t state = 0x100 | (cp15_read(0, c0, c0, 5) & 0xff);

	a32_printf("aarch32: CPU %u up by SMC32 CPU_ON at a T32 entry, "
		   "mode 0x%x\n",
		   (unsigned int)(state & 0xff), (unsigned int)(cpsr() & 0x1f));
	/* after the line: the waiting CPU prints only then (no interleaving) */
	__atomic_store_n(&secondary_state, state, __ATOMIC_RELEASE);
	a32_smc(PSCI_CPU_OFF, 0, 0, 0);
}

/* With a second CPU in the cell, start it at a T32 entry point. */
static void check_secondary(void)
{
	uint64_t set = a32_comm->cpu_set, end;
	uint32_t self = cp15_read(0, c0, c0, 5) & 0xff, other = 0;
	long ret;

	while (other < 64 && (other == self || !(set >> other & 1)))
		other++;
	if (other >= 64)
		return;
	ret = a32_smc(PSCI_CPU_ON, other, (uint32_t)a32_secondary | 1,
		      (uint32_t)(secondary_stack + 256));
	end = a32_counter() + a32_counter_freq();
	while (!secondary_state && a32_counter() < end)
		;
	a32_printf("aarch32: CPU_ON of CPU %u: %ld, %s\n", (unsigned int)other,
		   ret, secondary_state ? "it ran" : "it did NOT run");
}

static void run_ticks(void)
{
	uint32_t seen = 0;

	a32_gic_enable(A32_VTIMER_IRQ);
	a32_vtimer_set(a32_counter_freq() / TICK_HZ);
	for (;;) {
		wfi();
		if (ticks == seen)
			continue;
		seen = ticks;
		if (seen <= 5 || seen % 50 == 0)
			a32_printf("aarch32: tick %u\n", (unsigned int)seen);
	}
}

#ifdef FAULT_CASE
static void fault(void)
{
	const char *c = FAULT_CASE;
	uint32_t gicd = (uint32_t)a32_comm->gicd_base;

	a32_printf("aarch32: fault case %s\n", c);
	if (c[0] == 'u')
		asm volatile("udf #0");
	else if (c[0] == 'o' && c[4] == 'w')
		mmio_write32(OUTSIDE, 1);
	else if (c[0] == 'o')
		((void (*)(void))(OUTSIDE | 1))();
	else if (c[0] == 'c')
		(void)cp15_read(0, c1, c0, 1);
	else if (c[0] == 'w')
		asm volatile("ldr r0, [%0], #4"
			     : "+r"(gicd)
			     :
			     : "r0", "memory");
	a32_printf("aarch32: still running after the fault\n");
}
#endif

void a32_main(void)
{
	banner();
	if (a32_gic_init()) {
		a32_printf("aarch32: no GIC redistributor for this CPU\n");
		return;
	}
	irq_enable();
#ifdef FAULT_CASE
	fault();
#endif
	check_psci();
	check_sgi();
	check_mmio_sign();
	check_setway();
	check_secondary();
	run_ticks();
}
