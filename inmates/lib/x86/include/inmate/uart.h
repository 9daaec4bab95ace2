/* SPDX-License-Identifier: GPL-2.0 */
/* x86 16550 UARTs (uart.c); bare_metal_console (console.h) is COM1. */
#ifndef INMATE_UART_H
#define INMATE_UART_H

#include <inmate/console.h>

extern const struct console_backend com2_console;

/* Programs base's UART for 115200 8N1, interrupts off. */
void uart_init(u16 base);

#endif
