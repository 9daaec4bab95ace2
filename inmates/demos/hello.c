// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the smallest useful inmate. Says where it runs, then prints a
 * tick about once a second, forever, timed by the virtual counter alone
 * (no interrupt), so it works before a cell's IRQ routing does.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

static void print_banner(void)
{
	printf("\nHello from inmate hello\n");
	if (inmate_under_warden())
		printf("hello: in a Warden cell, comm region at 0x%lx\n",
		       (unsigned long)inmate_comm_region);
	else
		printf("hello: bare metal (no comm region)\n");
	printf("hello: console %s, EL%lu, counter %lu Hz\n", console_name(),
	       (read_sysreg(CurrentEL) >> 2) & 3, timer_frequency());
}

void inmate_main(void)
{
	u64 period = timer_frequency();
	u64 deadline = timer_now();

	print_banner();
	/* Start-up latency: compare with the root's counter at start. */
	printf("hello: counter %lu at inmate_main\n", deadline);
	/* Absolute deadlines: printing time does not add up into drift. */
	for (unsigned int tick = 1;; tick++) {
		deadline += period;
		inmate_sleep_until(deadline);
		printf("hello: tick %u\n", tick);
	}
}
