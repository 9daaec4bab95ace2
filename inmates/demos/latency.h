/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The latency inmate (latency.c, portable) and its arch part
 * (latency_arm64.c, x86/latency_x86.c): the timer IRQ's set-up, busy
 * loops on the other CPUs bare metal, the way out.
 */
#ifndef INMATE_DEMOS_LATENCY_H
#define INMATE_DEMOS_LATENCY_H

#include <inmate/irq.h>
#include <inmate/types.h>

#define LATENCY_MAX_CPUS 8u

/* latency_params.flags */
#define LATENCY_BUSY_YIELD BIT(0) /* busy loops execute `yield` */
#define LATENCY_IDLE_SPIN BIT(1) /* wait for IRQs in a loop, not in WFI */

/* Prints like printf; in a cell pauses after each batch (latency.c). */
int latency_report(const char *fmt, ...) __printf(1, 2);

/* The interrupt controller and the timer IRQ, handled by on_timer. */
int latency_arch_init(irq_handler on_timer);
/* "gic=N" or "apic=xapic": the LAT begin line's word for it. */
const char *latency_arch_irqchip(void);
/* No deadline pending: the timer must not fire for one, but the CPU
 * waiting in WFI/HLT must still wake up (x86: see latency_x86.c). */
void latency_arch_timer_idle(void);
/* Bare metal: busy loops on up to count other CPUs. */
void latency_arch_start_busy(unsigned int count, bool yield);
void latency_arch_stop_busy(void);
void latency_arch_print_busy(void);
/* Bare metal: ends the QEMU run; in a cell the CPU stays. */
void latency_arch_power_off(void);

#endif
