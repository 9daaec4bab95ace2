/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt dispatch. The IRQ vector reads the virtual counter before
 * anything else and hands that value to the handler as entry_ticks, so a
 * handler can measure its own delivery latency.
 */
#ifndef INMATE_IRQ_H
#define INMATE_IRQ_H

#include <inmate/types.h>

typedef void (*irq_handler)(unsigned int intid, u64 entry_ticks);

/* Installs handler for intid and enables the interrupt at the GIC. */
int irq_request(unsigned int intid, irq_handler handler);
void irq_release(unsigned int intid);
/* IRQs that arrived with no handler installed, since boot. */
u64 irq_unexpected_count(void);

#endif
