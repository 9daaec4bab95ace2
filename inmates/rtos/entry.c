// SPDX-License-Identifier: GPL-2.0
/*
 * C side of the RTOS vectors (entry.h). Both run with IRQs masked, on the
 * stack of whatever was interrupted. The only interrupt the RTOS uses is
 * the virtual timer (PPI 27); the only system call is "job done".
 */
#include <inmate/gic.h>
#include <inmate/platform.h>
#include <inmate/printf.h>

#include "entry.h"
#include "events.h"
#include "sched.h"

/* Acknowledge first, EOI before returning: the switch happens at eret,
 * so the next job never runs with the timer interrupt still active. The
 * timer stays masked until after the EOI (events_mask() says why). */
struct exception_frame *rt_irq(struct exception_frame *frame)
{
	u32 iar = gic_ack();
	unsigned int intid = gic_iar_intid(iar);
	struct exception_frame *next;

	if (intid >= GIC_SPURIOUS_FIRST)
		return frame;
	if (intid != PLATFORM_VTIMER_IRQ) {
		/* Keep a stray level interrupt from firing forever. */
		gic_disable_irq(intid);
		printf("rtos: unexpected IRQ %u, disabled\n", intid);
		gic_eoi(iar);
		return frame;
	}
	events_mask();
	next = sched_switch(frame, SCHED_TIMER);
	gic_eoi(iar);
	events_unmask();
	return next;
}

struct exception_frame *rt_svc(struct exception_frame *frame)
{
	return sched_switch(frame, SCHED_JOB_DONE);
}
