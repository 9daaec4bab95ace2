// SPDX-License-Identifier: GPL-2.0
/*
 * Console through Warden: one WD_HC_CONSOLE_PUTC hypercall per character.
 * Warden owns the physical UART; this costs a trap per character, so
 * inmates print in batches, never per event.
 */
#include <inmate/console.h>
#include <inmate/hypercall.h>

static void hypercall_putc(char c)
{
	/* Nothing useful to do on failure: there is no other console. */
	hypercall(WD_HC_CONSOLE_PUTC, (u8)c, 0, 0);
}

const struct console_backend hypercall_console = {
	.name = "warden",
	.putc = hypercall_putc,
};
