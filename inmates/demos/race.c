// SPDX-License-Identifier: GPL-2.0
/*
 * race: the two CPUs of a cell hammer PSCI at each other, so that a
 * shutdown or destroy by the root always meets a power-on in flight
 * (issue 15, item 1). The second CPU never stops: it powers the boot CPU
 * on again and again and now and then asks for its state. The boot CPU,
 * each time it is started, turns itself off again: at once every other
 * time (so it is mostly parked with a power-on pending, the racy case),
 * else after 100 ms of asking about the other CPU and trying to power it
 * on (long enough for the root to see it run if it was woken in a
 * stopped cell). The hammering CPU is the higher one on purpose: with
 * QEMU's round-robin it runs after the boot CPU, the order that left the
 * boot CPU's power-on pending behind the root's back.
 * Nothing is printed after the banner: the root watches the cell through
 * `warden cell stats` and its own CPUs.
 * Assumes QEMU virt MPIDRs (Aff0 = logical CPU, fewer than 8 CPUs).
 */
#include <warden/comm.h>
#include <inmate/boot.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define PSCI_CPU_OFF 0x84000002ull
#define PSCI_CPU_ON 0xc4000003ull
#define PSCI_AFFINITY_INFO 0xc4000004ull
#define STACK_SIZE 4096

static u8 stacks[2][STACK_SIZE] __attribute__((aligned(16)));
static u64 mpidr[2]; /* boot CPU, hammering CPU */
static volatile u64 starts; /* of the boot CPU */

void race_cpu(void);

/* Started by PSCI CPU_ON with x0 = its stack top, MMU and IRQs off. */
asm(".pushsection .text\n"
    ".global race_entry\n"
    "race_entry:\n"
    "	msr daifset, #0xf\n"
    "	adr x1, exception_vectors\n"
    "	msr vbar_el1, x1\n"
    "	isb\n"
    "	mov sp, x0\n"
    "	bl race_cpu\n"
    "1:	b 1b\n"
    ".popsection\n");
extern char race_entry[];

static long psci_on(unsigned int n)
{
	return hypercall(PSCI_CPU_ON, mpidr[n], (u64)(uintptr_t)race_entry,
			 (u64)(uintptr_t)&stacks[n][STACK_SIZE]);
}

static void __noreturn hammer(void)
{
	for (unsigned long round = 0;; round++) {
		psci_on(0);
		if (!(round % 16))
			hypercall(PSCI_AFFINITY_INFO, mpidr[0], 0, 0);
	}
}

static void __noreturn on_and_off(void)
{
	u64 end = timer_now() + timer_frequency() / 10;

	starts = starts + 1;
	while ((starts & 1) && timer_now() < end) {
		hypercall(PSCI_AFFINITY_INFO, mpidr[1], 0, 0);
		psci_on(1);
	}
	hypercall(PSCI_CPU_OFF, 0, 0, 0);
	for (;;) /* CPU_OFF does not return */
		wait_for_interrupt();
}

void race_cpu(void)
{
	if ((read_sysreg(mpidr_el1) & 0xff) == mpidr[1])
		hammer();
	on_and_off();
}

/* The cell's two CPUs from its comm region, boot CPU first. */
static bool find_cpus(void)
{
	const struct wd_comm_region *c = (const void *)inmate_comm_region;
	u64 set = c ? c->cpu_set : 0;
	unsigned int n = 0;

	for (unsigned int cpu = 0; cpu < 8 && n < 2; cpu++)
		if (set & (1ull << cpu))
			mpidr[n++] = cpu;
	return n == 2;
}

void inmate_main(void)
{
	if (!find_cpus()) {
		printf("race: needs a cell with two CPUs\n");
		return;
	}
	printf("race: CPUs %lu and %lu racing\n", mpidr[0], mpidr[1]);
	psci_on(1);
	on_and_off();
}
