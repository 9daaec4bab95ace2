/* SPDX-License-Identifier: GPL-2.0 */
/* Where the vectors of switch.S enter C (entry.c). */
#ifndef INMATES_RTOS_ENTRY_H
#define INMATES_RTOS_ENTRY_H

#include <inmate/exception.h>

/* The RTOS's vector table (switch.S). */
extern char rt_vectors[];

/* Both return the frame of the context to resume. */
struct exception_frame *rt_irq(struct exception_frame *frame);
struct exception_frame *rt_svc(struct exception_frame *frame);

#endif
