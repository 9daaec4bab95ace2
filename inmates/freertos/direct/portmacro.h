/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM_AARCH64_SRE port's portmacro.h for a direct-IRQ cell
 * (WD_CELL_DIRECT_IRQ, Documentation/inmate-abi.md, section 6): found
 * before the port's own on the include path of the *-gicv3-direct images,
 * it includes that file and replaces only its interrupt masking.
 *
 * The port masks with ICC_PMR_EL1, which in a direct-IRQ cell is the
 * unused virtual interface's: its critical sections would mask nothing.
 * Here they mask with DAIF.I and count in the port's own
 * ullCriticalNesting (saved and restored per task by the port's context
 * switch, 9999 until the scheduler starts, so IRQs stay off until then).
 * The port's PMR writes still happen and are harmless. A DAIF mask keeps
 * every interrupt out, not only those at or below
 * configMAX_API_CALL_INTERRUPT_PRIORITY: the BSP gives all its interrupts
 * the tick's priority, so none nests in another.
 */
#ifndef FREERTOS_DIRECT_PORTMACRO_H
#define FREERTOS_DIRECT_PORTMACRO_H

#include_next <portmacro.h>

void bsp_enter_critical(void);
void bsp_exit_critical(void);
UBaseType_t bsp_mask_from_isr(void);
void bsp_unmask_from_isr(UBaseType_t was_masked);

#undef portENTER_CRITICAL
#undef portEXIT_CRITICAL
#undef portSET_INTERRUPT_MASK_FROM_ISR
#undef portCLEAR_INTERRUPT_MASK_FROM_ISR
#define portENTER_CRITICAL() bsp_enter_critical()
#define portEXIT_CRITICAL() bsp_exit_critical()
#define portSET_INTERRUPT_MASK_FROM_ISR() bsp_mask_from_isr()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) bsp_unmask_from_isr(x)

#endif
