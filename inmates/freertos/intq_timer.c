// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupts behind FreeRTOS's IntQueue demo (IntQueueTimer.h):
 * - the first, the EL1 physical timer (PPI 30, which Warden leaves to the
 *   cell like the virtual one) at about 900 Hz, not a multiple of the
 *   tick, so it falls anywhere in the tick's period;
 * - the second, SGI 1 to this CPU, raised every other tick from the tick
 *   hook and taken once the tick's handler has ended.
 * Both call the demo's handlers, which use the queues' FromISR API, so
 * their priorities are below configMAX_API_CALL_INTERRUPT_PRIORITY and
 * above the tick's, as on a board where they may nest (in a trapping cell
 * Warden runs every virtual interrupt at one priority: no nesting). In a
 * direct-IRQ cell critical sections mask by DAIF, which the tick's handler
 * clears while it runs: there all three share the tick's priority, so none
 * preempts another (direct/portmacro.h).
 */
#include <inmate/gic.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include "FreeRTOS.h"
#include "task.h"
#include "IntQueue.h"
#include "IntQueueTimer.h"
#include "bsp.h"

#define INTQ_TIMER_PPI 30
#define INTQ_SGI 1
#define INTQ_TIMER_HZ 900
#define INTQ_SGI_EVERY 2 /* ticks */
#define CNTP_CTL_ENABLE 1u

#ifdef FREERTOS_DIRECT
#define PRIO_FIRST (portLOWEST_USABLE_INTERRUPT_PRIORITY << portPRIORITY_SHIFT)
#define PRIO_SECOND PRIO_FIRST
#else
#define PRIO_FIRST \
	((configMAX_API_CALL_INTERRUPT_PRIORITY + 2) << portPRIORITY_SHIFT)
#define PRIO_SECOND \
	((configMAX_API_CALL_INTERRUPT_PRIORITY + 1) << portPRIORITY_SHIFT)
#endif

static u64 period;
static volatile bool started;

/*
 * The next deadline from now, not from the last one: an interrupt armed
 * already due while active is what QEMU's GICv2 loses (tick.c); a late
 * one here only stretches the period.
 */
static void arm_next(void)
{
	write_sysreg(cntp_cval_el0, read_sysreg(cntpct_el0) + period);
	write_sysreg(cntp_ctl_el0, CNTP_CTL_ENABLE);
	isb();
}

static BaseType_t first_irq(void)
{
	arm_next();
	return xFirstTimerHandler();
}

static BaseType_t second_irq(void)
{
	return xSecondTimerHandler();
}

void vInitialiseTimerForIntQueueTest(void)
{
	period = timer_frequency() / INTQ_TIMER_HZ;
	if (!bsp_irq_register(INTQ_TIMER_PPI, PRIO_FIRST, first_irq) ||
	    !bsp_irq_register(INTQ_SGI, PRIO_SECOND, second_irq))
		configASSERT(!"IntQueue: no handler slot");
	arm_next();
	started = true;
}

void bsp_intq_tick(void)
{
	static unsigned int ticks;

	if (started && ++ticks % INTQ_SGI_EVERY == 0)
		gic_send_sgi_self(INTQ_SGI);
}
