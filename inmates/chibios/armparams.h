/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * ARM parameters the ChibiOS ARM port (os/common/ports/ARM) reads, for an
 * AArch32 Warden cell on an ARMv8 core running ARMv7-A code: the port's
 * Cortex-A class (the nearest it knows is Cortex-A7), WFI to idle, and
 * where its IRQ entry finds the handler to call: bsp_irq_vector, a word
 * in RAM holding the address of the BSP's GIC dispatcher (bsp.c), where
 * a classic ARM board would have its interrupt controller's vector
 * register.
 */
#ifndef ARMPARAMS_H
#define ARMPARAMS_H

#define ARM_CORE ARM_CORE_CORTEX_A7
#define ARM_SUPPORTS_THUMB 1
#define ARM_SUPPORTS_THUMB2 1
#define ARM_WFI_IMPL asm volatile("wfi" : : : "memory")
#define ARM_ENABLE_WFI_IDLE TRUE
#define ARM_IRQ_VECTOR_REG bsp_irq_vector

#endif
