// SPDX-License-Identifier: GPL-2.0
/*
 * Critical sections by DAIF.I for a direct-IRQ cell (direct/portmacro.h
 * says why). Built only into the *-gicv3-direct images.
 */
#include "FreeRTOS.h"
#include "task.h"

#define DAIF_I (1u << 7)

/* The port's: per-task nesting, saved and restored by its context code. */
extern volatile uint64_t ullCriticalNesting;

void bsp_enter_critical(void)
{
	portDISABLE_INTERRUPTS();
	ullCriticalNesting++;
}

void bsp_exit_critical(void)
{
	if (ullCriticalNesting == 0)
		return;
	if (--ullCriticalNesting == 0) {
		portENABLE_INTERRUPTS();
	}
}

UBaseType_t bsp_mask_from_isr(void)
{
	uint64_t daif;

	__asm volatile("mrs %0, daif" : "=r"(daif)::"memory");
	portDISABLE_INTERRUPTS();
	return (daif & DAIF_I) != 0;
}

void bsp_unmask_from_isr(UBaseType_t was_masked)
{
	if (!was_masked) {
		portENABLE_INTERRUPTS();
	}
}
