/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses and ports the x86 inmates rely on: QEMU q35's (a cell sees
 * the same; Documentation/inmate-abi.md, x86 section). Stands in for the
 * arm64 inmates/lib/include/inmate/platform.h on x86 builds.
 */
#ifndef INMATE_PLATFORM_H
#define INMATE_PLATFORM_H

#define PLATFORM_COM1 0x3f8 /* bare-metal console */
#define PLATFORM_COM2 0x2f8 /* a cell's console when passed through */
#define PLATFORM_LAPIC_BASE 0xfee00000ul
#define PLATFORM_IOAPIC_BASE 0xfec00000ul
/* The APIC timer's vector (the library's choice) */
#define PLATFORM_TIMER_VECTOR 0x20
/* QEMU's isa-debug-exit (-device isa-debug-exit,iobase=0xf4) */
#define PLATFORM_DEBUG_EXIT 0xf4

/* Where an x86 inmate is linked and loaded (1 MiB). */
#define PLATFORM_RAM_BASE 0x100000ul

#endif
