/* SPDX-License-Identifier: GPL-2.0 */
/* Board support for FreeRTOS in a Warden cell (bsp.c). */
#ifndef FREERTOS_BSP_H
#define FREERTOS_BSP_H

#include <stdbool.h>

#define BSP_TICK_PPI 27 /* EL1 virtual timer */

#include <inmate/types.h>

#include "FreeRTOS.h"

bool bsp_init(void);
const char *bsp_port_name(void);
void bsp_enable_tick_irq(void);
bool bsp_irq_register(unsigned int intid, u8 priority,
		      BaseType_t (*handler)(void));
/* Called at every context switch when set (traceTASK_SWITCHED_IN). */
extern void (*bsp_switch_hook)(void);

/* tick.c */
/* The counter value at which tick number `tick` was due. */
u64 bsp_tick_time(TickType_t tick);
/* Worst delay, in counter ticks, from a tick's deadline to its handler. */
u64 bsp_tick_worst_latency(void);
void bsp_tick_after_eoi(void);
void bsp_tick_entered(void);

#endif
