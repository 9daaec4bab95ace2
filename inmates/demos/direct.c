// SPDX-License-Identifier: GPL-2.0
/*
 * direct: checks of direct interrupt delivery (WD_CELL_DIRECT_IRQ, GICv3)
 * from inside the cell, then a report once a second.
 *
 * `direct` takes the virtual timer at 1 kHz and SGI 10, and shows that
 * ICC_PMR_EL1 does not mask (on a direct-IRQ cell it reaches the virtual
 * CPU interface, which delivers nothing) while DAIF.I does. The root
 * compares the IRQs counted here with the traps Warden counted.
 *
 * DIRECT_CASE (set by the build) adds one thing the cell must not get
 * away with, done once at start:
 *  - sgi-out: SGI 10 to every other CPU (by list and "all but self"):
 *    Warden drops them, the cell runs on;
 *  - sgi0: a Group-0 SGI (ICC_SGI0R_EL1): trapped, the cell fails;
 *  - mgmt-off, mgmt-prio, mgmt-group: disable Warden's SGI 15, change its
 *    priority, move it to Group 1: the cell fails;
 *  - ap1r: mark priority 0 active in ICC_AP1R0_EL1, which the physical
 *    CPU interface takes from EL1, and spin with no trap: that holds
 *    off Warden's Group-0 SGI (Documentation/interrupts.md, "Limits"):
 *    shutdown times out.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/string.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#ifndef DIRECT_CASE
#define DIRECT_CASE ""
#endif

#define TIMER_HZ 1000
#define SGI_TEST 10
#define SGI_WARDEN 15
#define QEMU_VIRT_CPUS 4
#define GICR_FRAME 0x20000ul
#define GICR_SGI_BASE 0x10000ul
#define GICR_IGROUPR0 (GICR_SGI_BASE + 0x080)
#define GICR_ICENABLER0 (GICR_SGI_BASE + 0x180)
#define GICR_IPRIORITYR (GICR_SGI_BASE + 0x400)
#define ICC_SGI0R_EL1 S3_0_C12_C11_7
#define ICC_AP1R0_EL1 S3_0_C12_C9_0
#define SGIR_IRM (1ul << 40)
/* DIRECT_CASE is a string literal: compared at build time. */
#define IS(c) \
	(sizeof(DIRECT_CASE) == sizeof(c) && !memcmp(DIRECT_CASE, c, sizeof(c)))

static volatile u64 timer_irqs, sgis;
static u64 period, deadline;

static void on_timer(unsigned int intid, u64 entry_ticks)
{
	(void)intid;
	(void)entry_ticks;
	timer_irqs++;
	deadline += period;
	if ((s64)(timer_now() - deadline) >= 0)
		deadline = timer_now() + period;
	timer_arm(deadline);
}

static void on_sgi(unsigned int intid, u64 entry_ticks)
{
	(void)intid;
	(void)entry_ticks;
	sgis++;
}

/* QEMU virt: CPU n has MPIDR Aff0 = n, its frame is the n-th. */
static uintptr_t own_redistributor(void)
{
	return PLATFORM_GICR_BASE + (cpu_mpidr() & 0xff) * GICR_FRAME;
}

static void spin_ms(u64 ms)
{
	u64 end = timer_now() + timer_frequency() / 1000 * ms;

	while ((s64)(timer_now() - end) < 0)
		cpu_relax();
}

/* Counts the timer IRQs taken over ms milliseconds. */
static u64 irqs_in(u64 ms)
{
	u64 before = timer_irqs;

	spin_ms(ms);
	return timer_irqs - before;
}

/* PMR 0 would mask everything at a physical interface: not here. */
static void check_pmr(void)
{
	u64 n;

	write_sysreg(ICC_PMR_EL1, 0);
	isb();
	n = irqs_in(100);
	printf("direct: PMR 0: %lu timer IRQs in 100 ms (%s)\n", n,
	       n ? "PMR does not mask" : "PMR masks");
	write_sysreg(ICC_PMR_EL1, 0xff);
	isb();
}

/* DAIF.I holds the IRQ back; it is taken as soon as I is clear. */
static void check_daif(void)
{
	u64 before, masked;

	irq_disable();
	before = timer_irqs;
	spin_ms(100);
	masked = timer_irqs - before;
	irq_enable();
	isb();
	spin_ms(2);
	printf("direct: DAIF.I set: %lu timer IRQs in 100 ms, %lu right after "
	       "clearing it (%s)\n",
	       masked, timer_irqs - before - masked,
	       masked ? "DAIF does not mask" : "DAIF masks");
}

static void check_sgi_self(void)
{
	u64 before = sgis;

	gic_send_sgi_self(SGI_TEST);
	spin_ms(2);
	printf("direct: SGI %u to itself: %s\n", SGI_TEST,
	       sgis > before ? "arrived" : "lost");
}

/* ICC_SGI1R: Aff1 at 16, TargetList bits 0..15 (Aff0), IRM at 40. */
static void send_sgi_out(void)
{
	u64 self = cpu_mpidr() & 0xff, cpu;
	int i;

	for (i = 0; i < 100; i++) {
		for (cpu = 0; cpu < QEMU_VIRT_CPUS; cpu++)
			if (cpu != self)
				write_sysreg(ICC_SGI1R_EL1,
					     (u64)SGI_TEST << 24 | 1ul << cpu);
		write_sysreg(ICC_SGI1R_EL1, (u64)SGI_TEST << 24 | SGIR_IRM);
		isb();
	}
	printf("direct: sent 400 SGI %u to the other CPUs\n", SGI_TEST);
}

/*
 * Priority 0 active: nothing can preempt, not even Warden's SGI. Then
 * no trap either (a console line would be one, and Warden parks a CPU
 * on its way out of any trap): only the SGI could stop this CPU.
 */
static void ap1r_and_spin(void)
{
	printf("direct: ICC_AP1R0_EL1 = 1, spinning without traps\n");
	write_sysreg(ICC_AP1R0_EL1, 1);
	isb();
	for (;;)
		cpu_relax();
}

static void attack(void)
{
	uintptr_t rd = own_redistributor();

	printf("direct: case '%s'\n", DIRECT_CASE);
	if (IS("sgi-out"))
		send_sgi_out();
	else if (IS("sgi0"))
		write_sysreg(ICC_SGI0R_EL1, (u64)SGI_WARDEN << 24 | SGIR_IRM);
	else if (IS("mgmt-off"))
		mmio_write32(rd + GICR_ICENABLER0, 1u << SGI_WARDEN);
	else if (IS("mgmt-prio"))
		mmio_write8(rd + GICR_IPRIORITYR + SGI_WARDEN, 0xff);
	else if (IS("mgmt-group"))
		mmio_write32(rd + GICR_IGROUPR0, 1u << SGI_WARDEN);
	else if (IS("ap1r"))
		ap1r_and_spin();
	isb();
	printf("direct: case '%s' done, running on\n", DIRECT_CASE);
}

void inmate_main(void)
{
	unsigned int second = 0;

	if (gic_init() || irq_request(PLATFORM_VTIMER_IRQ, on_timer) ||
	    irq_request(SGI_TEST, on_sgi)) {
		printf("direct: no GIC\n");
		return;
	}
	period = timer_frequency() / TIMER_HZ;
	deadline = timer_now() + period;
	timer_arm(deadline);
	irq_enable();
	check_pmr();
	check_daif();
	check_sgi_self();
	if (DIRECT_CASE[0])
		attack();
	for (;;) {
		spin_ms(1000);
		printf("direct: t=%us irqs %lu sgis %lu unexpected %lu\n",
		       ++second, timer_irqs, sgis, irq_unexpected_count());
	}
}
