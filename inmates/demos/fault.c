// SPDX-License-Identifier: GPL-2.0
/*
 * fault-*: each binary does one thing a cell must not be able to get away
 * with, after saying what it is about to do. FAULT_CASE (set by the build)
 * picks the case. In a Warden cell each of these must be contained by the
 * hypervisor (a stage-2 abort, a trapped SMC, a filtered GIC write, a
 * rejected hypercall); bare metal most of them simply succeed or fault at
 * EL1, which the library's fault report shows.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/hypercall.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/string.h>
#include <inmate/timer.h>

#ifndef FAULT_CASE
#error "build with -DFAULT_CASE='\"name\"'"
#endif

/* Outside the demo cell's 16 MiB of RAM at 0x40000000, and not its MMIO. */
#define OUTSIDE_CELL_IPA 0x60000000ul
/* Root Linux RAM (configs/arm64/qemu-virt-common.h) used as an IPA. */
#define ROOT_RAM_PA 0x50000000ul
#define PSCI_VERSION 0x84000000u
#define UART_INTID 33 /* root's PL011, SPI 1 */

struct fault_case {
	const char *name;
	const char *what;
	void (*run)(void);
};

static void read_outside(void)
{
	u32 v = mmio_read32(OUTSIDE_CELL_IPA);

	printf("fault-oob-read: read returned 0x%08x: no fault\n", v);
}

static void write_root_ram(void)
{
	mmio_write32(ROOT_RAM_PA, 0xdeadbeef);
	printf("fault-root-write: write completed: no fault\n");
}

static void undefined_instruction(void)
{
	asm volatile("udf #0");
	printf("fault-undef: execution continued after udf\n");
}

static void secure_monitor_call(void)
{
	register u64 x0 asm("x0") = PSCI_VERSION;

	asm volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	printf("fault-smc: smc returned 0x%lx\n", x0);
}

/* Not PSCI: an SMCCC SiP service call, for the secure firmware. */
#define SIP_SERVICE_CALL 0xc2000000u

static void smc_to_firmware(void)
{
	register u64 x0 asm("x0") = SIP_SERVICE_CALL;

	asm volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	printf("fault-smc-sip: smc returned 0x%lx\n", x0);
}

/* ACTLR_EL1: implementation defined, trapped to EL2 in a Warden cell. */
static void read_actlr(void)
{
	u64 v;

	asm volatile("mrs %0, actlr_el1" : "=r"(v));
	printf("fault-sysreg: ACTLR_EL1 reads 0x%lx: no trap\n", v);
}

static void read_unassigned_mmio(void)
{
	u32 v = mmio_read32(PLATFORM_RTC_BASE);

	printf("fault-mmio: PL031 RTCDR read 0x%08x: no fault\n", v);
}

#define GICD_CTLR 0x0000
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180

static void report_gicd(const char *when)
{
	printf("fault-gicd: %s: GICD_CTLR 0x%08x, ISENABLER1 0x%08x\n", when,
	       mmio_read32(PLATFORM_GICD_BASE + GICD_CTLR),
	       mmio_read32(PLATFORM_GICD_BASE + GICD_ISENABLER + 4));
}

/*
 * Both writes would cut the root off its interrupts if they took effect.
 * The GIC is set up first, as any inmate using interrupts would.
 */
static void write_foreign_gicd(void)
{
	int err = gic_init();

	printf("fault-gicd: gic_init: %d, GICv%d\n", err, gic_version());
	report_gicd("before");
	mmio_write32(PLATFORM_GICD_BASE + GICD_ICENABLER + 4,
		     1u << (UART_INTID % 32));
	mmio_write32(PLATFORM_GICD_BASE + GICD_CTLR, 0);
	report_gicd("after");
	printf("fault-gicd: the writes must not have changed anything in a "
	       "cell; bare metal they do\n");
}

/* IDs a cell has no business calling: unknown, root-only, Linux's stub. */
static const u64 flood_ids[] = {
	WD_HC(WD_HC_COUNT), /* first ID past the table */
	WD_HC(0xffff), /* far out of range */
	WD_HC_DISABLE, /* root only */
	WD_HC_CELL_DESTROY, /* root only, and x1 = 0 names the root */
	WD_STUB_HVC_SET_VECTORS, /* Linux's stub call: must not exist now */
};

static void hypercall_flood(void)
{
	u64 next_report = timer_now() + timer_frequency();
	long results[ARRAY_SIZE(flood_ids)] = {0};

	for (u64 calls = 1;; calls++) {
		unsigned int i = calls % ARRAY_SIZE(flood_ids);

		/* x1 = 0: the root cell's ID for DESTROY, NULL vectors. */
		results[i] = hypercall(flood_ids[i], 0, 0, 0);
		if ((s64)(timer_now() - next_report) < 0)
			continue;
		next_report += timer_frequency();
		printf("fault-hvc-flood: %lu calls, last results", calls);
		for (i = 0; i < ARRAY_SIZE(flood_ids); i++)
			printf(" %lx:%ld", flood_ids[i], results[i]);
		printf("\n");
	}
}

static const struct fault_case cases[] = {
	{"oob-read", "read IPA 0x60000000, outside the cell's memory",
	 read_outside},
	{"root-write", "write root RAM (PA 0x50000000 used as an IPA)",
	 write_root_ram},
	{"undef", "execute an undefined instruction (udf #0)",
	 undefined_instruction},
	{"smc", "issue an SMC (PSCI_VERSION) to the secure monitor",
	 secure_monitor_call},
	{"smc-sip", "issue an SMC to the SiP service (0xc2000000), not PSCI",
	 smc_to_firmware},
	{"sysreg", "read ACTLR_EL1 (implementation-defined control)",
	 read_actlr},
	{"mmio", "read the PL031 RTC at 0x09010000, not assigned to cells",
	 read_unassigned_mmio},
	{"gicd",
	 "disable the root's UART IRQ (INTID 33) and the GIC "
	 "distributor (GICD_CTLR = 0)",
	 write_foreign_gicd},
	{"hvc-flood", "loop over invalid and root-only hypercalls forever",
	 hypercall_flood},
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
}
