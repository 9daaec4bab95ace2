/* SPDX-License-Identifier: GPL-2.0 */
/* PSCI emulation for cells (psci.c). */
#ifndef ARCH_PSCI_H
#define ARCH_PSCI_H

#include <arch/traps.h>

struct percpu;

/* True if x0 is a PSCI or SMCCC arch function ID. */
bool psci_is_call(u64 fid);
void psci_handle(struct percpu *pc, struct trap_frame *f);
/* Forwards a call to the firmware (an SMC from EL2). */
u64 smc_call(u64 fid, u64 a1, u64 a2, u64 a3);

#endif
