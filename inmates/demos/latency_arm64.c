// SPDX-License-Identifier: GPL-2.0
/*
 * The latency inmate's arm64 part (latency.h): the GIC and the virtual
 * timer's PPI, busy loops on the other CPUs by PSCI CPU_ON (HVC, QEMU's
 * conduit without virtualization=on), power-off by PSCI SYSTEM_OFF.
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
	volatile u64 iterations; /* passes over the buffer */
	u64 yield;
	volatile u64 stop;
	long psci; /* CPU_ON's result */
	u64 asked; /* CPU_ON was called for this CPU */
	u8 *buf; /* BUSY_BUF_SIZE: source half, then destination half */
	u64 pad[2];
};

_Static_assert(offsetof(struct busy_slot, iterations) == 0 &&
		       offsetof(struct busy_slot, yield) == 8 &&
		       offsetof(struct busy_slot, stop) == 16 &&
		       offsetof(struct busy_slot, buf) == 40,
	       "latency_busy_entry uses these offsets");

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
asm(".pushsection .text.latency_busy, \"ax\"\n"
    ".global latency_busy_entry\n"
    "latency_busy_entry:\n"
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

static struct busy_slot busy[LATENCY_MAX_CPUS] __attribute__((aligned(64)));
static u8 busy_buf[LATENCY_MAX_CPUS][BUSY_BUF_SIZE]
	__attribute__((aligned(16)));

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

void latency_arch_start_busy(unsigned int count, bool yield)
{
	unsigned int self = cpu_mpidr() & 0xff, cpu;

	for (cpu = 0; cpu < LATENCY_MAX_CPUS && count; cpu++) {
		if (cpu == self)
			continue;
		busy[cpu].yield = yield;
		busy[cpu].asked = 1;
		busy[cpu].buf = busy_buf[cpu];
		busy[cpu].psci =
			hypercall(PSCI_CPU_ON_64, own_mpidr_base() | cpu,
				  (u64)(uintptr_t)latency_busy_entry,
				  (u64)(uintptr_t)&busy[cpu]);
		count--;
	}
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
