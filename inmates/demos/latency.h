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
#define LATENCY_BUSY_TICK BIT(2) /* the other CPUs tick instead of copying */
#define LATENCY_TICK_STAGGER BIT(3) /* their ticks spread over the period */
#define LATENCY_MEASURE_LAST BIT(4) /* bare metal: measure on the last CPU */

/* Prints like printf; in a cell pauses after each batch (latency.c). */
int latency_report(const char *fmt, ...) __printf(1, 2);

/* The interrupt controller and the timer IRQ, handled by on_timer. */
int latency_arch_init(irq_handler on_timer);
/* "gic=N" or "apic=xapic": the LAT begin line's word for it. */
const char *latency_arch_irqchip(void);
/* No deadline pending: the timer must not fire for one, but the CPU
 * waiting in WFI/HLT must still wake up (x86: see latency_x86.c). */
void latency_arch_timer_idle(void);
/* This CPU's number among its siblings (arm64: Aff0; x86: 0). */
unsigned int latency_arch_cpu(void);
/* Bare metal: busy loops (LATENCY_BUSY_YIELD) or ticking CPUs
 * (LATENCY_BUSY_TICK: every tick_period, tick_work instructions each) on
 * up to count CPUs other than this one, the measuring one. */
void latency_arch_start_busy(unsigned int count, u32 flags, u64 tick_period,
			     u32 tick_work);
/* The timer IRQ on a CPU that does not measure: a ticking CPU's tick. */
void latency_arch_on_tick(void);
/* Bare metal: starts CPU cpu, which calls run(its IRQ set-up's error),
 * and turns this CPU into a busy or ticking one (flags) once run starts
 * it; returns only if cpu could not be started (nonzero). */
int latency_arch_hand_over(unsigned int cpu, u32 flags, void (*run)(int err));
void latency_arch_stop_busy(void);
void latency_arch_print_busy(void);
/* Bare metal: ends the QEMU run; in a cell the CPU stays. */
void latency_arch_power_off(void);

#endif
