// SPDX-License-Identifier: GPL-2.0
/*
 * The latency inmate's arm64 part (latency.h): the GIC and the virtual
 * timer's PPI, busy or ticking CPUs by PSCI CPU_ON (HVC, QEMU's conduit
 * without virtualization=on), the hand-over of the measurement to another
 * CPU, power-off by PSCI SYSTEM_OFF.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/hypercall.h>
#include <inmate/platform.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include "latency.h"

/* PSCI 0.2 function IDs */
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_SYSTEM_OFF 0x84000008u

/* Written by one busy CPU, read by the measuring CPU (MMU off: no
 * caches to keep coherent). */
struct busy_slot {
	volatile u64 iterations; /* passes over the buffer, or ticks */
	u64 yield;
	volatile u64 stop;
	long psci; /* CPU_ON's result */
	volatile u64 asked; /* CPU_ON was called (or the boot CPU told) */
	u8 *buf; /* BUSY_BUF_SIZE: source half, then destination half; a
		  * ticking CPU's stack */
	u64 tick_deadline; /* a ticking CPU's next tick */
	void (*main)(struct busy_slot *slot); /* where latency_cpu_entry goes */
};

_Static_assert(offsetof(struct busy_slot, iterations) == 0 &&
		       offsetof(struct busy_slot, yield) == 8 &&
		       offsetof(struct busy_slot, stop) == 16 &&
		       offsetof(struct busy_slot, buf) == 40 &&
		       offsetof(struct busy_slot, main) == 56,
	       "latency_busy_entry and latency_cpu_entry use these offsets");

/* latency_busy_entry: "add x14, x13, #0x8000", "mov x2, #512" */
#define BUSY_BUF_SIZE 0x10000

/*
 * Where a busy CPU starts (PSCI CPU_ON): MMU off, no stack, x0 = its
 * busy_slot. It copies the first half of its buffer into the second, 64
 * bytes per step, with `yield` after each step (unless told not to), so
 * that QEMU's round-robin moves on to the next vCPU; after each pass it
 * counts it and, once the measuring CPU sets stop, powers itself off. The
 * step is the same instruction sequence as wd-busy's (bench/guest/busy.c),
 * the root's load in case (c): both hand the round-robin the same
 * stretches of work between yields.
 */
void latency_busy_entry(void);
/* The same, called from C by a boot CPU that handed the measurement over */
void latency_busy_run(struct busy_slot *slot) __attribute__((noreturn));
asm(".pushsection .text.latency_busy, \"ax\"\n"
    ".global latency_busy_entry\n"
    ".global latency_busy_run\n"
    "latency_busy_entry:\n"
    "latency_busy_run:\n"
    "	ldr	x1, [x0, #8]\n"
    "	ldr	x11, [x0, #40]\n"
    "1:	mov	x13, x11\n"
    "	add	x14, x11, #0x8000\n"
    "	mov	x2, #512\n"
    "2:	ldp	x3, x4, [x13], #16\n"
    "	ldp	x5, x6, [x13], #16\n"
    "	ldp	x7, x8, [x13], #16\n"
    "	ldp	x9, x10, [x13], #16\n"
    "	stp	x3, x4, [x14], #16\n"
    "	stp	x5, x6, [x14], #16\n"
    "	stp	x7, x8, [x14], #16\n"
    "	stp	x9, x10, [x14], #16\n"
    "	cbz	x1, 3f\n"
    "	yield\n"
    "3:	subs	x2, x2, #1\n"
    "	b.ne	2b\n"
    "	ldr	x2, [x0]\n"
    "	add	x2, x2, #1\n"
    "	str	x2, [x0]\n"
    "	ldr	x2, [x0, #16]\n"
    "	cbz	x2, 1b\n"
    "4:	mov	x0, #0x0002\n" /* x0 = PSCI_CPU_OFF */
    "	movk	x0, #0x8400, lsl #16\n"
    "	hvc	#0\n"
    "	b	4b\n"
    ".popsection\n");

/*
 * Where a ticking CPU, or the measuring one when it is not the boot CPU,
 * starts (PSCI CPU_ON): MMU off, x0 = its busy_slot. Its stack is the top
 * of its busy buffer (which it does not copy), its vectors the inmate's:
 * ticks go through the same IRQ path as samples. Then slot->main(slot).
 */
void latency_cpu_entry(void);
asm(".pushsection .text.latency_cpu, \"ax\"\n"
    ".global latency_cpu_entry\n"
    "latency_cpu_entry:\n"
    "	ldr	x1, [x0, #40]\n"
    "	add	sp, x1, #0x10, lsl #12\n" /* + BUSY_BUF_SIZE */
    "	adr	x1, exception_vectors\n"
    "	msr	vbar_el1, x1\n"
    "	isb\n"
    "	ldr	x1, [x0, #56]\n"
    "	br	x1\n"
    ".popsection\n");

static struct busy_slot busy[LATENCY_MAX_CPUS] __attribute__((aligned(64)));
static u8 busy_buf[LATENCY_MAX_CPUS][BUSY_BUF_SIZE]
	__attribute__((aligned(16)));
static u64 tick_period; /* ticking CPUs', set before they are started */
static u32 tick_work;
static unsigned int handed_from = LATENCY_MAX_CPUS; /* hand_over's boot CPU */
static void (*handed_run)(int err);

int latency_arch_init(irq_handler on_timer)
{
	int err = gic_init();

	if (!err)
		err = irq_request(PLATFORM_VTIMER_IRQ, on_timer);
	return err;
}

const char *latency_arch_irqchip(void)
{
	return gic_version() == 3 ? "gic=3" : "gic=2";
}

void latency_arch_timer_idle(void)
{
	timer_disarm();
}

static u64 own_mpidr_base(void)
{
	/* Aff3 and Aff2..Aff1 of this CPU; Aff0 selects a sibling. */
	return cpu_mpidr() & 0xff00ffff00ull;
}

unsigned int latency_arch_cpu(void)
{
	return cpu_mpidr() & 0xff;
}

/*
 * A ticking CPU's first tick: one tick period from now, as Linux ticks
 * every CPU at once; staggered, the n CPUs' ticks fall at the middles of
 * n equal parts of the period instead (wake-ups of CPUs idle in NOHZ).
 */
static u64 first_tick(u64 now, unsigned int nth, unsigned int count, u32 flags)
{
	if (!(flags & LATENCY_TICK_STAGGER))
		return now + tick_period;
	return now + tick_period * (2 * nth + 1) / (2 * count);
}

static void latency_tick_main(struct busy_slot *slot);

/* A boot CPU that handed the measurement over is already on: it is told
 * (asked), not started. */
void latency_arch_start_busy(unsigned int count, u32 flags, u64 period,
			     u32 work)
{
	unsigned int self = latency_arch_cpu(), cpu, nth = 0;
	bool tick = flags & LATENCY_BUSY_TICK;
	u64 now = timer_now();

	tick_period = period;
	tick_work = work;
	for (cpu = 0; cpu < LATENCY_MAX_CPUS && nth < count; cpu++) {
		struct busy_slot *slot = &busy[cpu];

		if (cpu == self)
			continue;
		slot->yield = !!(flags & LATENCY_BUSY_YIELD);
		slot->buf = busy_buf[cpu];
		slot->tick_deadline = first_tick(now, nth++, count, flags);
		slot->main = latency_tick_main;
		if (cpu != handed_from)
			slot->psci = hypercall(
				PSCI_CPU_ON_64, own_mpidr_base() | cpu,
				(u64)(uintptr_t)(tick ? latency_cpu_entry
						      : latency_busy_entry),
				(u64)(uintptr_t)slot);
		slot->asked = 1;
	}
}

/* `tick_work` instructions with no yield, as a root's tick handler */
static void tick_spin(u32 work)
{
	u64 n = work / 2 + 1;

	asm volatile("1: subs %0, %0, #1\n"
		     "   b.ne 1b"
		     : "+r"(n)
		     :
		     : "cc");
}

/* A ticking CPU's timer IRQ: work, then the next tick, never a passed one */
void latency_arch_on_tick(void)
{
	struct busy_slot *slot = &busy[latency_arch_cpu()];

	tick_spin(tick_work);
	slot->iterations = slot->iterations + 1;
	if (slot->stop) {
		timer_disarm();
		return;
	}
	do
		slot->tick_deadline += tick_period;
	while ((s64)(timer_now() - slot->tick_deadline) >= 0);
	timer_arm(slot->tick_deadline);
}

/* A ticking CPU after latency_cpu_entry: its GIC, then WFI until stop. */
static void latency_tick_main(struct busy_slot *slot)
{
	if (!gic_init_secondary()) {
		gic_enable_irq(PLATFORM_VTIMER_IRQ);
		timer_arm(slot->tick_deadline);
		irq_enable();
		while (!slot->stop)
			wait_for_interrupt();
		irq_disable();
	}
	timer_disarm();
	for (;;)
		hypercall(PSCI_CPU_OFF, 0, 0, 0);
}

/* The measuring CPU after latency_cpu_entry (hand-over): its GIC, the run */
static void latency_measure_main(struct busy_slot *slot)
{
	int err = gic_init_secondary();

	(void)slot;
	if (!err)
		gic_enable_irq(PLATFORM_VTIMER_IRQ);
	handed_run(err);
}

int latency_arch_hand_over(unsigned int cpu, u32 flags, void (*run)(int err))
{
	struct busy_slot *m = &busy[cpu], *self = &busy[latency_arch_cpu()];

	handed_from = latency_arch_cpu();
	handed_run = run;
	m->buf = busy_buf[cpu];
	m->main = latency_measure_main;
	m->psci =
		hypercall(PSCI_CPU_ON_64, own_mpidr_base() | cpu,
			  (u64)(uintptr_t)latency_cpu_entry, (u64)(uintptr_t)m);
	if (m->psci) {
		handed_from = LATENCY_MAX_CPUS;
		return -1;
	}
	while (!self->asked)
		cpu_relax();
	if (flags & LATENCY_BUSY_TICK)
		latency_tick_main(self);
	latency_busy_run(self);
}

void latency_arch_stop_busy(void)
{
	for (unsigned int cpu = 0; cpu < LATENCY_MAX_CPUS; cpu++)
		busy[cpu].stop = 1;
}

void latency_arch_print_busy(void)
{
	for (unsigned int cpu = 0; cpu < LATENCY_MAX_CPUS; cpu++) {
		if (!busy[cpu].asked)
			continue;
		latency_report("LAT busy cpu=%u psci=%ld iterations=%lu\n", cpu,
			       busy[cpu].psci, busy[cpu].iterations);
	}
}

void latency_arch_power_off(void)
{
	/* QEMU exits on SYSTEM_OFF; under Warden the cell just stops. */
	if (!inmate_under_warden())
		hypercall(PSCI_SYSTEM_OFF, 0, 0, 0);
}
