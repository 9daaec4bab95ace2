// SPDX-License-Identifier: GPL-2.0
/*
 * C side of the x86 RTOS entries (switch.S), with IRQs masked, on the
 * stack of whatever was interrupted: the APIC timer (the only interrupt
 * the RTOS uses) and INT 0x80, "job done". The EOI goes before the
 * switch's IRETQ, so the next job never runs with the timer in service.
 */
#include <inmate/exception.h>
#include <inmate/lapic.h>

#include "../sched.h"

_Static_assert(offsetof(struct exception_frame, entry_ticks) == 120 &&
		       offsetof(struct exception_frame, rip) == 144,
	       "switch.S's F_TICKS and F_SAVED disagree with the frame");

struct exception_frame *rt_irq(struct exception_frame *frame);
struct exception_frame *rt_svc(struct exception_frame *frame);

struct exception_frame *rt_irq(struct exception_frame *frame)
{
	struct exception_frame *next = sched_switch(frame, SCHED_TIMER);

	lapic_eoi();
	return next;
}

struct exception_frame *rt_svc(struct exception_frame *frame)
{
	return sched_switch(frame, SCHED_JOB_DONE);
}
