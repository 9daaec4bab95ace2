// SPDX-License-Identifier: GPL-2.0
/*
 * x86: from entry.S (long mode, stack, .bss) to inmate_main, and the ways
 * out. The boot magic decides the console: COM1 bare metal, Warden's
 * console hypercalls in a cell.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/exception.h>
#include <inmate/io.h>
#include <inmate/lapic.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/uart.h>

u32 inmate_boot_magic;
u32 inmate_cpu_index;

void __noreturn inmate_boot(u32 magic, u32 ebx)
{
	inmate_boot_magic = magic;
	inmate_cpu_index = inmate_under_warden() ? ebx : 0;
	if (!inmate_under_warden())
		uart_init(PLATFORM_COM1);
	console_init(inmate_under_warden());
	if (!inmate_under_warden())
		console_putc('\n'); /* SeaBIOS leaves its last line open */
	idt_init();
	if (timer_tsc_calibrate())
		printf("inmate: no TSC rate: timers will not work\n");
	inmate_main();
	printf("inmate: main returned, halting\n");
	inmate_halt();
}

void __noreturn inmate_halt(void)
{
	irq_disable();
	console_flush(); /* a last line without its newline */
	for (;;)
		wait_for_interrupt();
}

/* In a cell port 0xf4 is not the cell's: writing it would fail the cell. */
void __noreturn inmate_poweroff(void)
{
	console_flush();
	if (!inmate_under_warden())
		outb(PLATFORM_DEBUG_EXIT, 0);
	inmate_halt();
}
