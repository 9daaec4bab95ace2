// SPDX-License-Identifier: GPL-2.0
/*
 * flood: a cell that tries to drown Warden's console, for the flood
 * scenario (ci/scenarios/flood.sh). Two phases, each announced with the
 * counter in ms (the same counter as the ticker's stamps):
 *  1. FLOOD_PUTC_MS of WD_HC_CONSOLE_PUTC as fast as the CPU goes, long
 *     lines; Warden throttles this cell's output to its byte budget.
 *  2. SGIs to itself, forever, with IRQs masked and its virtual CPU
 *     interface disabled: they pile up in the list registers, then in
 *     Warden's queue; Warden fails the cell ("virtual IRQ flood").
 */
#include <inmate/gic.h>
#include <inmate/hypercall.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define FLOOD_PUTC_MS 4000
#define FLOOD_SGIS 8 /* 0..7: more than the list registers hold */
#define LINE 100

static unsigned long now_ms(void)
{
	return timer_ticks_to_ns(timer_now()) / 1000000;
}

static void putc_flood(void)
{
	u64 end = timer_now() + timer_ns_to_ticks(FLOOD_PUTC_MS * 1000000ull);
	unsigned int i;

	printf("flood: putc start t=%lu\n", now_ms());
	while (timer_now() < end) {
		for (i = 0; i < LINE; i++)
			hypercall(WD_HC_CONSOLE_PUTC, 'a' + i % 26, 0, 0);
		hypercall(WD_HC_CONSOLE_PUTC, '\n', 0, 0);
	}
}

/* The SGIs stay enabled in the (virtual) distributor, not delivered. */
static void interface_off(void)
{
	for (unsigned int sgi = 0; sgi < FLOOD_SGIS; sgi++)
		gic_enable_irq(sgi);
	irq_disable();
	if (gic_version() == 3)
		write_sysreg(ICC_IGRPEN1_EL1, 0);
	else
		mmio_write32(PLATFORM_GICC_BASE, 0); /* GICC_CTLR */
	isb();
}

void inmate_main(void)
{
	putc_flood();
	/* Past the burst: let the bucket refill so the marker gets out. */
	inmate_sleep_ns(1000000000ull);
	if (gic_init()) {
		printf("flood: gic_init failed\n");
		return;
	}
	interface_off();
	printf("flood: sgi start t=%lu\n", now_ms());
	for (unsigned long n = 0;; n++)
		gic_send_sgi_self(n % FLOOD_SGIS);
}
