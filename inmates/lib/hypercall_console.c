// SPDX-License-Identifier: GPL-2.0
/*
 * Console through Warden: bytes collected here and sent a line at a
 * time with WD_HC_CONSOLE_WRITE (at a newline, when the buffer is full,
 * and on console_flush()), so a line costs one trap, not one per byte.
 * A Warden without that call (-ENOSYS) gets WD_HC_CONSOLE_PUTC per byte,
 * as before. The buffer is in the inmate's RAM, where Warden reads it by
 * its address (the MMU is off: address = guest-physical address).
 * Single-CPU, as console.c: a second CPU printing at once could garble a
 * line, never overrun the buffer.
 */
#include <inmate/console.h>
#include <inmate/errno.h>
#include <inmate/hypercall.h>

static char line[WD_CONSOLE_WRITE_MAX];
static unsigned int len;
static bool per_byte; /* Warden answered -ENOSYS to CONSOLE_WRITE */

static void send_per_byte(unsigned int n)
{
	unsigned int i;

	/* Nothing useful to do on failure: there is no other console. */
	for (i = 0; i < n; i++)
		hypercall(WD_HC_CONSOLE_PUTC, (u8)line[i], 0, 0);
}

static void hypercall_flush(void)
{
	unsigned int n = len;

	len = 0;
	if (!n)
		return;
	if (!per_byte &&
	    hypercall(WD_HC_CONSOLE_WRITE, (uintptr_t)line, n, 0) == -ENOSYS)
		per_byte = true;
	if (per_byte)
		send_per_byte(n);
}

/* len read once: a racing CPU may garble the line, never overrun it. */
static void hypercall_putc(char c)
{
	unsigned int i = *(volatile unsigned int *)&len;

	if (i >= sizeof(line)) {
		hypercall_flush();
		i = 0;
	}
	line[i++] = c;
	len = i;
	if (c == '\n' || i == sizeof(line))
		hypercall_flush();
}

const struct console_backend hypercall_console = {
	.name = "warden",
	.putc = hypercall_putc,
	.flush = hypercall_flush,
};
