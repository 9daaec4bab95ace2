// SPDX-License-Identifier: GPL-2.0
/*
 * Console front end: one backend chosen at boot, '\n' expanded to CRLF for
 * terminals. Single-CPU inmates only: there is no lock.
 */
#include <inmate/console.h>

static const struct console_backend *backend = &bare_metal_console;

void console_init(bool under_warden)
{
	backend = under_warden ? &hypercall_console : &bare_metal_console;
}

void console_use(const struct console_backend *b)
{
	console_flush();
	backend = b;
}

const char *console_name(void)
{
	return backend->name;
}

void console_putc(char c)
{
	if (c == '\n')
		backend->putc('\r');
	backend->putc(c);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

void console_flush(void)
{
	if (backend->flush)
		backend->flush();
}
