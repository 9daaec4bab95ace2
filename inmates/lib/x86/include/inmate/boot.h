/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86: what the inmate learnt at entry (the boot magic in EAX, the CPU's
 * index in EBX), and the interface every inmate program implements.
 * Stands in for inmates/lib/include/inmate/boot.h (arm64) on x86 builds.
 */
#ifndef INMATE_BOOT_H
#define INMATE_BOOT_H

#include <inmate/types.h>
#include <inmate/x86.h>

/* EAX at entry: INMATE_MAGIC_WARDEN in a cell, else multiboot. */
extern u32 inmate_boot_magic;
/* EBX at entry under Warden: this CPU's index within the cell. */
extern u32 inmate_cpu_index;

static inline bool inmate_under_warden(void)
{
	return inmate_boot_magic == INMATE_MAGIC_WARDEN;
}

/* The program's entry point, called on the boot CPU with IRQs masked. */
void inmate_main(void);

/* Stop this CPU for good: IRQs masked, HLT. */
void __noreturn inmate_halt(void);

/* Bare metal: ends the QEMU run (isa-debug-exit), else halts. */
void __noreturn inmate_poweroff(void);

/* Called by entry.S in long mode, stack and .bss ready. */
void __noreturn inmate_boot(u32 magic, u32 ebx);

#endif
