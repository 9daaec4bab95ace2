// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * ChibiOS/RT board support for a Warden AArch32 cell: the system tick
 * from the EL1 virtual timer (CNTV through CP15, PPI 27) at
 * CH_CFG_ST_FREQUENCY, the GIC (v2 or v3, inmates/aarch32/gic.c) as the
 * port's interrupt vector, the console through Warden's hypercall, and
 * halts reported to Warden so that the cell fails visibly.
 */
#include <inmate/tick_latency.h>

#include "bsp.h"

/* The port's Irq_Handler calls the function whose address is here. */
bool (*volatile bsp_irq_vector)(void);

static uint64_t tick_cval, tick_period, tick_base;
static bool armed_ahead; /* only those say something about delivery */

/* System time s began at this counter value (tick s fires then). */
uint64_t bsp_tick_counter(systime_t s)
{
	return tick_base + (uint64_t)s * tick_period;
}

/*
 * CNTV_CVAL: MCRR p15, 3, Rt, Rt2, c14 (absolute: no drift). From the
 * handler the output stays masked (CNTV_CTL.IMASK) until after the EOI
 * (tick_unmask): QEMU 7.2's GICv2 does not signal a hardware-linked
 * interrupt whose line rose again while it was active, so a deadline
 * already due when armed in the handler was lost (about 40 ticks/s of
 * 1000 on GICv2; inmates/freertos/tick.c does the same).
 */
static void tick_arm(uint32_t ctl)
{
	tick_cval += tick_period;
	cp15_write64(3, c14, tick_cval);
	cp15_write(0, c14, c3, 1, ctl); /* CNTV_CTL */
	isb();
	armed_ahead = tick_cval > a32_counter();
}

#define CNTV_ENABLE 1u
#define CNTV_IMASK 2u

static void tick_unmask(void)
{
	cp15_write(0, c14, c3, 1, CNTV_ENABLE);
	isb();
}

/*
 * The tick's delivery latency (make bench): counter at the handler, after
 * the port's entry and the GIC acknowledge, minus the deadline. A deadline
 * already due when armed (the cell catching up) is not counted.
 */
static void tick_entered(void)
{
	uint64_t now = a32_counter();

	if (armed_ahead && now >= tick_cval)
		tick_latency_record(now - tick_cval);
}

void a32_irq(uint32_t intid)
{
	if (intid != A32_VTIMER_IRQ)
		return;
	tick_entered();
	tick_arm(CNTV_ENABLE | CNTV_IMASK);
	chSysLockFromISR();
	chSysTimerHandlerI();
	chSysUnlockFromISR();
}

/*
 * Runs in IRQ mode with IRQs masked; the port reschedules on return when
 * this says so. One interrupt per call: the port comes back for more.
 */
static CH_IRQ_HANDLER(bsp_isr)
{
	uint32_t iar;

	CH_IRQ_PROLOGUE();
	iar = a32_gic_ack();
	if (iar % 1024 < A32_SPURIOUS) {
		a32_irq(iar % 1024);
		a32_gic_eoi(iar);
		if (iar % 1024 == A32_VTIMER_IRQ)
			tick_unmask();
	}
	CH_IRQ_EPILOGUE();
}

int bsp_init(void)
{
	if (a32_gic_init())
		return -1;
	bsp_irq_vector = bsp_isr;
	tick_period = a32_counter_freq() / CH_CFG_ST_FREQUENCY;
	tick_cval = a32_counter();
	tick_base = tick_cval;
	a32_gic_enable(A32_VTIMER_IRQ);
	tick_arm(CNTV_ENABLE);
	return 0;
}

/* The test framework's EOL is CRLF; a32_putc adds the CR itself. */
int bsp_putchar(int c)
{
	if (c != '\r')
		a32_putc((char)c);
	return c;
}

void bsp_halt(const char *reason)
{
	a32_printf("\nchibios: system halted: %s\n", reason ? reason : "?");
	/* not an undefined instruction; where the halt was called */
	a32_report_fault(0x3c << 26, (uint32_t)__builtin_return_address(0));
}
