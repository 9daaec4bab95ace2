/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console output. The backend is chosen once at boot (console_init):
 * Warden's console hypercalls when the inmate runs in a cell (a line per
 * WD_HC_CONSOLE_WRITE, so one exit a line), the arch's bare-metal UART
 * (arm64: the PL011 at PLATFORM_UART_BASE, x86: COM1) when it runs bare
 * metal.
 */
#ifndef INMATE_CONSOLE_H
#define INMATE_CONSOLE_H

#include <inmate/types.h>

struct console_backend {
	const char *name;
	void (*putc)(char c);
	void (*flush)(void); /* bytes it still holds; NULL: holds none */
};

extern const struct console_backend bare_metal_console;
extern const struct console_backend hypercall_console;

void console_init(bool under_warden);
/* Another backend from now on (x86: a COM2 passed through to the cell). */
void console_use(const struct console_backend *b);
const char *console_name(void);
void console_putc(char c);
void console_puts(const char *s);
/* Sends what the backend still holds (a line without its newline). */
void console_flush(void);

#endif
