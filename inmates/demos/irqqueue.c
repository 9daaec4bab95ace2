// SPDX-License-Identifier: GPL-2.0
/*
 * irqqueue: leaves hardware-linked interrupts in Warden's per-CPU queue
 * for a shutdown to find (Documentation/interrupts.md, "Cells coming and
 * going"). It owns IRQQ_COUNT SPIs no device drives (cells/arm64/irqq.c)
 * and makes them pending itself (GICD_ISPENDR):
 *  1. with IRQs on: every one must arrive once; prints "irqqueue: run:
 *     N of 8 arrived". An SPI that a previous run left active in the
 *     physical GIC never does.
 *  2. then with DAIF.I set, all of them again, and spins: Warden takes
 *     each from the GIC (acknowledged, priority dropped), fills its list
 *     registers and queues the rest, which stay active until the cell
 *     deactivates them, or Warden does at park.
 * Started again after `cell shutdown`, step 1 shows whether they did.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/shm.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define IRQQ_FIRST 240
#define IRQQ_COUNT 8 /* more than the 4 list registers QEMU has */
#define GICD_ISPENDR 0x200

static volatile u32 arrived[IRQQ_COUNT];

static void on_irq(unsigned int intid, u64 entry_ticks)
{
	(void)entry_ticks;
	arrived[intid - IRQQ_FIRST]++;
}

static void make_pending(unsigned int intid)
{
	mmio_write32(PLATFORM_GICD_BASE + GICD_ISPENDR + intid / 32 * 4,
		     1u << (intid % 32));
}

static unsigned int count_arrived(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < IRQQ_COUNT; i++)
		n += arrived[i] != 0;
	return n;
}

/* Step 1: each SPI once, IRQs on; waits up to a second for them. */
static void run_once(void)
{
	u64 end = timer_now() + timer_frequency();
	unsigned int i;

	for (i = 0; i < IRQQ_COUNT; i++)
		make_pending(IRQQ_FIRST + i);
	while (count_arrived() < IRQQ_COUNT && (s64)(timer_now() - end) < 0)
		;
	printf("irqqueue: run: %u of %u arrived\n", count_arrived(),
	       IRQQ_COUNT);
}

void inmate_main(void)
{
	unsigned int i;

	if (gic_init()) {
		printf("irqqueue: FAIL no GIC\n");
		return;
	}
	/* No line drives them: edge, as for a doorbell; enabled. */
	for (i = 0; i < IRQQ_COUNT; i++)
		shm_doorbell_request(IRQQ_FIRST + i, on_irq);
	irq_enable();
	run_once();
	irq_disable();
	for (i = 0; i < IRQQ_COUNT; i++)
		make_pending(IRQQ_FIRST + i);
	printf("irqqueue: %u pending, IRQs masked\n", IRQQ_COUNT);
	for (;;)
		;
}
