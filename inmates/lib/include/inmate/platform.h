/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses the inmates rely on: QEMU "virt", which a Warden cell sees
 * unchanged (GIC at the same guest-physical addresses, see
 * Documentation/inmate-abi.md).
 */
#ifndef INMATE_PLATFORM_H
#define INMATE_PLATFORM_H

#define PLATFORM_GICD_BASE 0x08000000ul
#define PLATFORM_GICC_BASE 0x08010000ul /* v2; a cell sees its GICV here */
#define PLATFORM_GICR_BASE 0x080a0000ul /* v3 */
#define PLATFORM_UART_BASE 0x09000000ul /* PL011 */
#define PLATFORM_RTC_BASE 0x09010000ul /* PL031 */
#define PLATFORM_RTC_IRQ 34 /* SPI 2 */

/* Where the Warden demo cell's RAM starts (cells/arm64/demo.c). */
#define PLATFORM_RAM_BASE 0x40000000ul

/* Generic timer PPIs */
#define PLATFORM_VTIMER_IRQ 27

#endif
