/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC in xAPIC mode at PLATFORM_LAPIC_BASE (mapped uncached by
 * entry.S). In a Warden cell the page is trapped: each access is an exit,
 * Warden filters the ICR and passes the rest to this CPU's own APIC.
 */
#ifndef INMATE_LAPIC_H
#define INMATE_LAPIC_H

#include <inmate/types.h>

#define LAPIC_ID 0x020
#define LAPIC_TPR 0x080
#define LAPIC_EOI 0x0b0
#define LAPIC_SVR 0x0f0
#define LAPIC_ICR_LOW 0x300
#define LAPIC_ICR_HIGH 0x310
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INITIAL 0x380
#define LAPIC_TIMER_CURRENT 0x390
#define LAPIC_TIMER_DIVIDE 0x3e0

#define LAPIC_SVR_ENABLE BIT(8)
#define LAPIC_LVT_MASKED BIT(16)
#define LAPIC_LVT_PERIODIC BIT(17)
#define LAPIC_DIVIDE_1 0xb

/* ICR low word: delivery modes and the "assert" level */
#define LAPIC_ICR_FIXED 0x00000
#define LAPIC_ICR_NMI 0x00400
#define LAPIC_ICR_INIT 0x00500
#define LAPIC_ICR_STARTUP 0x00600
#define LAPIC_ICR_ASSERT 0x04000
#define LAPIC_ICR_PENDING BIT(12)

#define LAPIC_SPURIOUS_VECTOR 0xff

u32 lapic_read(unsigned int reg);
void lapic_write(unsigned int reg, u32 value);
/* Software-enables this CPU's APIC, TPR 0; bare metal masks the 8259s.
 * Calibrates the APIC timer against the TSC (timer.c). */
int lapic_init(void);
u32 lapic_id(void);
void lapic_eoi(void);
/* Sends icr_low (vector | delivery mode) to the APIC ID dest. */
void lapic_send_ipi(u32 dest, u32 icr_low);

/* timer.c: the TSC's rate (boot: PIT bare metal, Warden in a cell), the
 * APIC timer's against the TSC (lapic_init), and the latter in Hz. */
int timer_tsc_calibrate(void);
int timer_lapic_calibrate(void);
u64 timer_lapic_frequency(void);

#endif
