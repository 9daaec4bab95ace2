// SPDX-License-Identifier: GPL-2.0
/*
 * hello for x86: says where it runs (bare metal or a Warden cell, which
 * CPU, which console), in which mode, then prints a tick about once a
 * second, forever, timed by the TSC alone (no interrupt), as the arm64
 * hello does.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/printf.h>
#include <inmate/string.h>
#include <inmate/timer.h>

static void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid"
		     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "a"(leaf), "c"(0));
}

static void print_vendor(void)
{
	u32 max, v[3];
	char name[13];

	cpuid(0, &max, &v[0], &v[2], &v[1]);
	memcpy(name, v, 12);
	name[12] = '\0';
	printf("hello: CPU vendor %s, max leaf 0x%x\n", name, max);
}

void inmate_main(void)
{
	u64 cr0, cr4, deadline;

	asm volatile("mov %%cr0, %0; mov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
	printf("\nHello from inmate hello\n");
	if (inmate_under_warden())
		printf("hello: in a Warden cell, CPU %u of the cell\n",
		       inmate_cpu_index);
	else
		printf("hello: bare metal (multiboot)\n");
	printf("hello: console %s, long mode, CR0 0x%lx CR4 0x%lx\n",
	       console_name(), cr0, cr4);
	print_vendor();
	printf("hello: TSC %lu Hz\n", timer_frequency());
	if (!timer_frequency())
		return;
	/* Absolute deadlines: printing time does not add up into drift. */
	deadline = timer_now();
	for (unsigned int tick = 1;; tick++) {
		deadline += timer_frequency();
		inmate_sleep_until(deadline);
		printf("hello: tick %u\n", tick);
	}
}
