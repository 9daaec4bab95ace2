// SPDX-License-Identifier: GPL-2.0
/*
 * fault-* for x86: each binary does one thing a cell must not get away
 * with, after saying what it is about to do (FAULT_CASE, set by the
 * build, picks it). In a Warden cell each must fail that cell only
 * (nested page fault, IOPM/MSRPM intercept, SHUTDOWN, the ICR filter,
 * the hypercall rate limit); bare metal most of them simply succeed,
 * or the library's exception report shows what the CPU did.
 */
#include <inmate/boot.h>
#include <inmate/hypercall.h>
#include <inmate/io.h>
#include <inmate/lapic.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/string.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#ifndef FAULT_CASE
#error "build with -DFAULT_CASE='\"name\"'"
#endif

/* Guest-physical addresses above a small cell's RAM (GPA 0..size): 16 MiB
 * is where the root's kernel usually sits in host-physical memory. */
#define OUTSIDE_CELL_GPA 0x20000000ul
#define ROOT_RAM_GPA 0x01000000ul
#define MSR_VM_HSAVE_PA 0xc0010117u /* Warden's host save area */
#define FOREIGN_VECTOR 0xf0

struct fault_case {
	const char *name;
	const char *what;
	void (*run)(void);
};

static void read_outside(void)
{
	u32 v = mmio_read32(OUTSIDE_CELL_GPA);

	printf("fault-oob-read: read returned 0x%08x: no fault\n", v);
}

static void write_root_ram(void)
{
	mmio_write32(ROOT_RAM_GPA, 0xdeadbeef);
	printf("fault-oob-write: write completed: no fault\n");
}

/* The IOAPIC is the root's: a cell gets its pins, never the chip. */
static void read_ioapic(void)
{
	u32 v = mmio_read32(PLATFORM_IOAPIC_BASE + 0x10); /* IOWIN */

	printf("fault-mmio: IOAPIC IOWIN read 0x%08x: no fault\n", v);
}

static void undefined_instruction(void)
{
	asm volatile("ud2");
	printf("fault-undef: execution continued after ud2\n");
}

/* COM1 is the root's console: a cell owns at most COM2. */
static void foreign_port(void)
{
	outb(PLATFORM_COM1, '!');
	printf("fault-ioport: outb to 0x3f8 completed: no fault\n");
}

static void foreign_msr(void)
{
	u64 v = read_msr(MSR_VM_HSAVE_PA);

	write_msr(MSR_VM_HSAVE_PA, 0);
	printf("fault-msr: VM_HSAVE_PA read 0x%lx and written: no fault\n", v);
}

/* An empty IDT: the breakpoint cannot be delivered (#GP), nor the #GP
 * (#DF), nor the #DF: shutdown. */
static void triple_fault(void)
{
	struct {
		u16 limit;
		u64 base;
	} __attribute__((packed)) none = {0, 0};

	asm volatile("lidt %0; int3" : : "m"(none) : "memory");
	printf("fault-triple: still running after int3 with no IDT\n");
}

/* IDs a cell has no business calling: unknown and root-only. */
static const u64 flood_ids[] = {
	WD_HC(WD_HC_COUNT),
	WD_HC(0xffff),
	WD_HC_DISABLE,
	WD_HC_CELL_DESTROY,
};

static void hypercall_flood(void)
{
	u64 next_report = timer_now() + timer_frequency();
	long results[ARRAY_SIZE(flood_ids)] = {0};

	if (!inmate_under_warden()) {
		printf("fault-vmmcall-flood: bare metal VMMCALL is #UD\n");
		return;
	}
	for (u64 calls = 1;; calls++) {
		unsigned int i = calls % ARRAY_SIZE(flood_ids);

		results[i] = hypercall(flood_ids[i], 0, 0, 0);
		if ((s64)(timer_now() - next_report) < 0)
			continue;
		next_report += timer_frequency();
		printf("fault-vmmcall-flood: %lu calls, last results", calls);
		for (i = 0; i < ARRAY_SIZE(flood_ids); i++)
			printf(" %lx:%ld", flood_ids[i], results[i]);
		printf("\n");
	}
}

/* APIC ID 0 is the root's boot CPU, never a cell's; bare metal (one CPU,
 * ID 0) the IPI goes to the absent ID 1 instead of to ourselves. */
static u32 foreign_apic_id(void)
{
	return lapic_id() == 0 ? 1 : 0;
}

static void send_ipi(const char *name, u32 icr_low)
{
	u32 dest = foreign_apic_id();

	lapic_init();
	lapic_send_ipi(dest, icr_low);
	printf("fault-%s: sent to APIC ID %u, ICR 0x%x: no fault\n", name, dest,
	       lapic_read(LAPIC_ICR_LOW));
}

static void ipi_init(void)
{
	send_ipi("ipi-init", LAPIC_ICR_INIT | LAPIC_ICR_ASSERT);
}

static void ipi_fixed(void)
{
	send_ipi("ipi-fixed",
		 LAPIC_ICR_FIXED | LAPIC_ICR_ASSERT | FOREIGN_VECTOR);
}

static const struct fault_case cases[] = {
	{"oob-read", "read GPA 0x20000000, outside the cell's RAM",
	 read_outside},
	{"oob-write", "write GPA 0x01000000 (root RAM as a host address)",
	 write_root_ram},
	{"mmio", "read the IOAPIC at 0xfec00000, the root's", read_ioapic},
	{"undef", "execute an undefined instruction (ud2)",
	 undefined_instruction},
	{"ioport", "write the root's COM1 (port 0x3f8)", foreign_port},
	{"msr", "read and write VM_HSAVE_PA (MSR 0xc0010117, Warden's)",
	 foreign_msr},
	{"triple", "triple-fault (int3 with an empty IDT)", triple_fault},
	{"vmmcall-flood", "loop over invalid and root-only hypercalls forever",
	 hypercall_flood},
	{"ipi-init", "send INIT to a CPU outside the cell", ipi_init},
	{"ipi-fixed",
	 "send a fixed IPI (vector 0xf0) to a CPU outside the cell", ipi_fixed},
};

void inmate_main(void)
{
	const struct fault_case *c = NULL;

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++)
		if (!strcmp(cases[i].name, FAULT_CASE))
			c = &cases[i];
	if (!c) {
		printf("fault: unknown case %s\n", FAULT_CASE);
		return;
	}
	printf("\nfault-%s: %s, about to %s\n", c->name,
	       inmate_under_warden() ? "in a Warden cell" : "bare metal",
	       c->what);
	c->run();
	inmate_poweroff();
}
