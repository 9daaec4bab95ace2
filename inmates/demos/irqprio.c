// SPDX-License-Identifier: GPL-2.0
/*
 * irqprio: a cell's interrupt priorities are its own (the irqprio
 * scenario). With its priority mask at 0xc0 it makes pending SPI 240 at
 * priority 0x80, SPI 241 at 0xc0, SPI 242 at 0xf0 and sends itself SGI 1
 * at 0xc0: only SPI 240 may arrive. With the mask at 0xff the other three
 * must follow. Prints what arrived at each step, then PASS or FAIL.
 * SPI 241 and 242 take Warden's fast path, SGI 1 its C path; SPI 242 is
 * below Linux's physical mask (0xf0), which must not apply to the cell.
 * Cell: cells/arm64/irqq.c (SPIs 240..247, no device drives them).
 */
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/shm.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define SPI_FIRST 240
#define SGI_TEST 1
#define GICD_ISPENDR 0x200

static const struct {
	unsigned int intid;
	u8 prio;
} irqs[] = {
	{SPI_FIRST, 0x80},
	{SPI_FIRST + 1, 0xc0},
	{SPI_FIRST + 2, 0xf0},
	{SGI_TEST, 0xc0},
};
#define NUM_IRQS (sizeof(irqs) / sizeof(irqs[0]))

static volatile u32 arrived[NUM_IRQS];

static void on_irq(unsigned int intid, u64 entry_ticks)
{
	unsigned int i;

	(void)entry_ticks;
	for (i = 0; i < NUM_IRQS; i++)
		if (irqs[i].intid == intid)
			arrived[i]++;
}

/* Waits 100 ms, then prints the INTIDs that arrived as a bit string. */
static unsigned int settle_and_report(const char *step)
{
	u64 end = timer_now() + timer_frequency() / 10;
	unsigned int i, mask = 0;

	while ((s64)(timer_now() - end) < 0)
		;
	printf("irqprio: %s:", step);
	for (i = 0; i < NUM_IRQS; i++) {
		if (arrived[i]) {
			mask |= 1u << i;
			printf(" %u", irqs[i].intid);
		}
	}
	printf("\n");
	return mask;
}

void inmate_main(void)
{
	unsigned int i, masked, open;

	if (gic_init()) {
		printf("irqprio: FAIL no GIC\n");
		return;
	}
	gic_set_pmr(0xc0);
	for (i = 0; i < NUM_IRQS; i++) {
		if (irqs[i].intid >= 32)
			shm_doorbell_request(irqs[i].intid, on_irq);
		else
			irq_request(irqs[i].intid, on_irq);
		gic_enable_irq_prio(irqs[i].intid, irqs[i].prio);
	}
	irq_enable();
	for (i = 0; i < NUM_IRQS; i++) {
		if (irqs[i].intid >= 32)
			mmio_write32(PLATFORM_GICD_BASE + GICD_ISPENDR +
					     irqs[i].intid / 32 * 4,
				     1u << (irqs[i].intid % 32));
		else
			gic_send_sgi_self(irqs[i].intid);
	}
	masked = settle_and_report("mask 0xc0");
	gic_set_pmr(0xff);
	open = settle_and_report("mask 0xff");
	printf("irqprio: %s\n", masked == 1 && open == 0xf ? "PASS" : "FAIL");
}
