// SPDX-License-Identifier: GPL-2.0
/*
 * The FreeRTOS tick from the EL1 virtual timer (PPI 27), 1 kHz: tick n is
 * due at counter value tick_base + n * tick_period, so the tick does not
 * drift with the IRQ latency, and a task can turn a tick count into the
 * counter instant it stands for (bsp_tick_time()).
 *
 * The timer's output stays masked (CNTV_CTL.IMASK) from the tick's
 * handler until after the port's EOI: QEMU 7.2's GICv2 does not signal a
 * hardware-linked interrupt whose line rose again while it was active
 * (inmates/rtos/events.c). A cell that fell one tick behind armed an
 * already due deadline inside the handler and then got its next tick only
 * at some unrelated GIC event: 25-86 ticks/s instead of 1000. The port
 * EOIs in its own assembly, so the unmask is done where FreeRTOS next
 * switches context (traceTASK_SWITCHED_IN, after the EOI), and the tick
 * handler asks the port for that switch.
 */
#include <inmate/sysreg.h>
#include <inmate/tick_latency.h>
#include <inmate/timer.h>

#include "FreeRTOS.h"
#include "task.h"
#include "bsp.h"

#define CNTV_CTL_ENABLE (1u << 0)
#define CNTV_CTL_IMASK (1u << 1)

/* The port's: set to switch context after the EOI; IRQ nesting depth. */
extern uint64_t ullPortYieldRequired;
extern uint64_t ullPortInterruptNesting;

static u64 tick_base;
static u64 tick_period;
static u64 tick_deadline;
static bool tick_masked;
static bool armed_ahead; /* only those say something about delivery */
static u64 worst_latency;

u64 bsp_tick_time(TickType_t tick)
{
	return tick_base + tick * tick_period;
}

u64 bsp_tick_worst_latency(void)
{
	return worst_latency;
}

/* configSETUP_TICK_INTERRUPT: called by the port with IRQs masked. */
void bsp_setup_tick(void)
{
	tick_period = timer_frequency() / configTICK_RATE_HZ;
	bsp_enable_tick_irq();
	tick_base = timer_now();
	tick_deadline = tick_base + tick_period;
	armed_ahead = true;
	timer_arm(tick_deadline);
}

/*
 * configCLEAR_TICK_INTERRUPT, in the tick's handler before the EOI. The
 * new deadline is written with the output masked unless this tick
 * interrupted another handler (then no context switch follows it that
 * could unmask: nested ticks keep the output on).
 */
void bsp_clear_tick(void)
{
	bool mask = ullPortInterruptNesting == 1;

	tick_deadline += tick_period;
	armed_ahead = tick_deadline > timer_now();
	write_sysreg(cntv_cval_el0, tick_deadline);
	write_sysreg(cntv_ctl_el0,
		     CNTV_CTL_ENABLE | (mask ? CNTV_CTL_IMASK : 0));
	isb();
	if (mask) {
		tick_masked = true;
		ullPortYieldRequired = pdTRUE;
	}
}

/* traceTASK_SWITCHED_IN: runs after the EOI of an interrupted task. */
void bsp_tick_after_eoi(void)
{
	if (!tick_masked)
		return;
	tick_masked = false;
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

/*
 * The tick's IRQ entry: counter minus the deadline it was armed for. A
 * deadline already due when it was armed (the cell catching up) fires at
 * once and says nothing about delivery: not counted.
 */
void bsp_tick_entered(void)
{
	u64 now = timer_now();

	if (!armed_ahead || now < tick_deadline)
		return;
	armed_ahead = false;
	tick_latency_record(now - tick_deadline);
	if (now - tick_deadline > worst_latency)
		worst_latency = now - tick_deadline;
}
