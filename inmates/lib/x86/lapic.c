// SPDX-License-Identifier: GPL-2.0
/*
 * xAPIC access and set-up. Every access is one 32-bit MOV (mmio.h), the
 * only form Warden's APIC-page emulation needs to decode.
 */
#include <inmate/boot.h>
#include <inmate/io.h>
#include <inmate/lapic.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/timer.h>

#define PIC1_DATA 0x21
#define PIC2_DATA 0xa1

u32 lapic_read(unsigned int reg)
{
	return mmio_read32(PLATFORM_LAPIC_BASE + reg);
}

void lapic_write(unsigned int reg, u32 value)
{
	mmio_write32(PLATFORM_LAPIC_BASE + reg, value);
}

u32 lapic_id(void)
{
	return lapic_read(LAPIC_ID) >> 24;
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

/* The BIOS leaves the 8259s unmasked (its PIT tick): bare metal only,
 * a cell owns no PIC port. */
int lapic_init(void)
{
	if (!inmate_under_warden()) {
		outb(PIC1_DATA, 0xff);
		outb(PIC2_DATA, 0xff);
	}
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE | LAPIC_SPURIOUS_VECTOR);
	return timer_lapic_calibrate();
}

void lapic_send_ipi(u32 dest, u32 icr_low)
{
	lapic_write(LAPIC_ICR_HIGH, dest << 24);
	lapic_write(LAPIC_ICR_LOW, icr_low);
}
