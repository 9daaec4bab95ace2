// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * AArch32 inmate library: console and faults through Warden's hypercalls,
 * the EL1 virtual timer through CP15 (never trapped: CNTV is the cell's).
 */
#include <inmate/format.h>
#include <warden/hypercall.h>

#include "a32.h"

volatile struct wd_comm_region *a32_comm;

static void put(char c)
{
	if (a32_bare())
		a32_bare_putc(c);
	else
		a32_hvc(WD_HC_CONSOLE_PUTC, (uint8_t)c, 0, 0);
}

void a32_putc(char c)
{
	if (c == '\n')
		put('\r');
	put(c);
}

static void sink(char c, void *ctx)
{
	(void)ctx;
	a32_putc(c);
}

int a32_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = format_va(sink, NULL, fmt, ap);
	va_end(ap);
	return n;
}

void a32_report_fault(uint32_t syndrome, uint32_t at)
{
	a32_hvc(WD_HC_CELL_FAULT, syndrome, at, 0);
	for (;;)
		wfi();
}

/* CNTVCT: MRRC p15, 1, c14; CNTFRQ: c14, c0, 0; CNTV_TVAL/CTL: c14, c3. */
uint64_t a32_counter(void)
{
	isb();
	return cp15_read64(1, c14);
}

uint32_t a32_counter_freq(void)
{
	return cp15_read(0, c14, c0, 0);
}

void a32_vtimer_set(uint32_t ticks)
{
	cp15_write(0, c14, c3, 0, ticks);
	cp15_write(0, c14, c3, 1, 1); /* ENABLE, not masked */
	isb();
}

void a32_vtimer_stop(void)
{
	cp15_write(0, c14, c3, 1, 0);
	isb();
}
