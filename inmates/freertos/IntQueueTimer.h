/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two interrupts FreeRTOS's IntQueue demo needs (its IntQueue.c
 * includes this name): intq_timer.c.
 */
#ifndef FREERTOS_INTQUEUETIMER_H
#define FREERTOS_INTQUEUETIMER_H

/* Called by the demo's first task once the scheduler runs. */
void vInitialiseTimerForIntQueueTest(void);
/* From the tick hook: raises the second interrupt every other tick. */
void bsp_intq_tick(void);

#endif
