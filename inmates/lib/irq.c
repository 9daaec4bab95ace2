// SPDX-License-Identifier: GPL-2.0
/*
 * IRQ handler table and dispatch. irq_dispatch runs from vectors.S with
 * IRQs masked; it handles one interrupt per exception (another pending
 * one is taken again right after eret).
 */
#include <inmate/errno.h>
#include <inmate/exception.h>
#include <inmate/gic.h>
#include <inmate/irq.h>

static irq_handler handlers[GIC_MAX_IRQS];
static u64 unexpected;

int irq_request(unsigned int intid, irq_handler handler)
{
	if (intid >= GIC_MAX_IRQS || !handler)
		return -EINVAL;
	if (!gic_version())
		return -ENODEV;
	if (handlers[intid])
		return -EBUSY;
	handlers[intid] = handler;
	gic_enable_irq(intid);
	return 0;
}

void irq_release(unsigned int intid)
{
	if (intid >= GIC_MAX_IRQS)
		return;
	gic_disable_irq(intid);
	handlers[intid] = NULL;
}

u64 irq_unexpected_count(void)
{
	return unexpected;
}

void irq_dispatch(struct exception_frame *frame)
{
	u32 iar = gic_ack();
	unsigned int intid = gic_iar_intid(iar);

	if (intid >= GIC_SPURIOUS_FIRST)
		return; /* nothing to acknowledge */
	if (handlers[intid]) {
		handlers[intid](intid, frame->entry_ticks);
	} else {
		/* Keep a stray level interrupt from firing forever. */
		unexpected++;
		gic_disable_irq(intid);
	}
	gic_eoi(iar);
}
