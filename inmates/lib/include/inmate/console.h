/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console output. The backend is chosen once at boot (console_init):
 * Warden's WD_HC_CONSOLE_PUTC hypercall when the inmate runs in a cell,
 * the PL011 at PLATFORM_UART_BASE when it runs bare metal.
 */
#ifndef INMATE_CONSOLE_H
#define INMATE_CONSOLE_H

#include <inmate/types.h>

struct console_backend {
	const char *name;
	void (*putc)(char c);
};

extern const struct console_backend pl011_console;
extern const struct console_backend hypercall_console;

void console_init(bool under_warden);
const char *console_name(void);
void console_putc(char c);
void console_puts(const char *s);

#endif
