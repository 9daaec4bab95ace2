// SPDX-License-Identifier: GPL-2.0
/*
 * PL011 output for hypervisor messages. Linux drives the same UART; we
 * only append characters, so lines may interleave but nothing is lost.
 * The UART was set up by firmware/Linux: Warden does not reprogram it.
 */
#include <arch.h>
#include <wd/errno.h>
#include <wd/paging.h>

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF BIT(5)
/* Bound the wait so a stuck UART cannot hang the hypervisor. */
#define UART_SPIN_MAX 100000

static volatile u32 *uart;

int pl011_map(struct paging *hyp, u64 phys)
{
	int err = paging_map(hyp, phys, phys, PAGE_SIZE, PG_RW | PG_DEVICE);

	if (!err)
		uart = paging_ptr(phys);
	return err;
}

void arch_console_putc(char c)
{
	unsigned int spins = 0;

	if (!uart)
		return;
	while ((uart[UART_FR / 4] & UART_FR_TXFF) && spins++ < UART_SPIN_MAX)
		;
	uart[UART_DR / 4] = (u8)c;
}
