/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the inmate learnt at entry, and the interface every inmate program
 * implements. See Documentation/inmate-abi.md for the boot state.
 */
#ifndef INMATE_BOOT_H
#define INMATE_BOOT_H

#include <inmate/types.h>

/*
 * Guest-physical address of the comm region Warden passed in x0, or 0 when
 * the program was started bare metal (no hypervisor below it).
 */
extern uintptr_t inmate_comm_region;

static inline bool inmate_under_warden(void)
{
	return inmate_comm_region != 0;
}

/* The program's entry point, called on the boot CPU with IRQs masked. */
void inmate_main(void);

/* Stop this CPU for good: IRQs masked, CPU_OFF under Warden, else WFI. */
void __noreturn inmate_halt(void);

/* Called by entry.S once the stack and .bss are ready. */
void __noreturn inmate_boot(uintptr_t x0);

#endif
