// SPDX-License-Identifier: GPL-2.0
/*
 * Bare-metal console: the PL011 UART, transmit only. The UART is used as
 * the loader (firmware or QEMU) left it; a cell never owns it, so this
 * backend is only chosen when no hypervisor runs below the inmate.
 */
#include <inmate/console.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/sysreg.h>

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5) /* transmit FIFO full */

static void pl011_putc(char c)
{
	while (mmio_read32(PLATFORM_UART_BASE + UART_FR) & UART_FR_TXFF)
		cpu_relax();
	mmio_write32(PLATFORM_UART_BASE + UART_DR, (u8)c);
}

const struct console_backend bare_metal_console = {
	.name = "pl011",
	.putc = pl011_putc,
};
