// SPDX-License-Identifier: GPL-2.0
/*
 * From entry.S to the program's inmate_main, and the way out.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>

/* PSCI 0.2 CPU_OFF (SMC32 fast call); Warden handles PSCI from cells. */
#define PSCI_CPU_OFF 0x84000002u

uintptr_t inmate_comm_region;

void __noreturn inmate_boot(uintptr_t x0)
{
	inmate_comm_region = x0;
	console_init(inmate_under_warden());
	inmate_main();
	printf("inmate: main returned, halting\n");
	inmate_halt();
}

void __noreturn inmate_halt(void)
{
	irq_disable();
	console_flush(); /* a last line without its newline */
	/* Bare metal there may be nothing at EL2 to take an hvc. */
	if (inmate_under_warden())
		hypercall(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		wait_for_interrupt();
}
