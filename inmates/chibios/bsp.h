/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/* ChibiOS/RT board support for a Warden AArch32 cell (bsp.c). */
#ifndef BSP_H
#define BSP_H

#include "a32.h"
#include "ch.h"

/* GIC and the tick; 0 on success. Call before chSysInit(). */
int bsp_init(void);
/* The console, for test_execute_putchar(). */
int bsp_putchar(int c);
/* The counter value at which system time s began (a tick boundary). */
uint64_t bsp_tick_counter(systime_t s);

#endif
