// SPDX-License-Identifier: GPL-2.0
/*
 * 16550 UART consoles, transmit only, polled: COM1 bare metal, COM2 in a
 * cell that owns it (console_use). Bare metal the UART is set up here
 * (115200 8N1); one passed through to a cell is used as the root left it.
 */
#include <inmate/console.h>
#include <inmate/io.h>
#include <inmate/platform.h>
#include <inmate/sysreg.h>
#include <inmate/uart.h>

#define UART_THR 0 /* transmit holding (DLAB = 0) */
#define UART_DLL 0 /* divisor latch (DLAB = 1) */
#define UART_IER 1
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_LCR_8N1 0x03
#define UART_LCR_DLAB 0x80
#define UART_LSR_THRE 0x20 /* room for a byte */

void uart_init(u16 base)
{
	outb(base + UART_IER, 0);
	outb(base + UART_LCR, UART_LCR_DLAB);
	outb(base + UART_DLL, 1); /* 115200 baud */
	outb(base + UART_DLM, 0);
	outb(base + UART_LCR, UART_LCR_8N1);
	outb(base + UART_FCR, 0x07); /* FIFOs on and cleared */
	outb(base + UART_MCR, 0x03); /* DTR, RTS */
}

static void uart_putc(u16 base, char c)
{
	while (!(inb(base + UART_LSR) & UART_LSR_THRE))
		cpu_relax();
	outb(base + UART_THR, (u8)c);
}

static void com1_putc(char c)
{
	uart_putc(PLATFORM_COM1, c);
}

static void com2_putc(char c)
{
	uart_putc(PLATFORM_COM2, c);
}

const struct console_backend bare_metal_console = {
	.name = "com1",
	.putc = com1_putc,
};

const struct console_backend com2_console = {
	.name = "com2",
	.putc = com2_putc,
};
