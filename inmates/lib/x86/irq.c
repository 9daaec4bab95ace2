// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt dispatch by vector (32..254; 255 is the APIC's spurious
 * vector, which takes no EOI). vectors.S reads the TSC first thing and
 * passes it as entry_ticks, so a handler can measure its own latency.
 */
#include <inmate/errno.h>
#include <inmate/exception.h>
#include <inmate/irq.h>
#include <inmate/lapic.h>

#define IRQ_VECTORS 256

static irq_handler handlers[IRQ_VECTORS];
static u64 unexpected;

int irq_request(unsigned int vector, irq_handler handler)
{
	if (vector < X86_FIRST_IRQ_VECTOR || vector >= LAPIC_SPURIOUS_VECTOR)
		return -EINVAL;
	handlers[vector] = handler;
	return 0;
}

void irq_release(unsigned int vector)
{
	if (vector < IRQ_VECTORS)
		handlers[vector] = NULL;
}

u64 irq_unexpected_count(void)
{
	return unexpected;
}

void irq_dispatch(u64 vector, u64 entry_ticks)
{
	irq_handler handler = handlers[vector & (IRQ_VECTORS - 1)];

	if (vector == LAPIC_SPURIOUS_VECTOR)
		return;
	if (handler)
		handler((unsigned int)vector, entry_ticks);
	else
		unexpected++;
	lapic_eoi();
}
