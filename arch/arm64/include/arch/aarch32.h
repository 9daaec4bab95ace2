/* SPDX-License-Identifier: GPL-2.0 */
/* AArch32 cells on arm64 Warden (aarch32.c). */
#ifndef ARCH_AARCH32_H
#define ARCH_AARCH32_H

#include <arch/traps.h>

struct cell;

/* ID_AA64PFR0_EL1 of this CPU says EL1 can run AArch32. */
bool aarch32_el1_supported(void);
/* The cell's CPUs run AArch32 at EL1 (never the root). */
bool aarch32_cell(const struct cell *cell);
/* SPSR_EL2 for entering an AArch32 cell at entry (bit 0: Thumb). */
u64 aarch32_entry_spsr(u64 entry);
/* Clears the AArch32-only EL1 state; SCTLR as at reset for AArch32. */
void aarch32_reset_state(const struct cell *cell);
/* From AArch32: clears the UNKNOWN upper halves of the trap frame. */
void aarch32_narrow_frame(struct trap_frame *f);
/* A trapped conditional instruction that failed its condition. */
bool aarch32_cond_failed(u64 esr);
/* MCR/MRC p15 as an AArch64 EC 0x18 ISS, 0 when it has no such twin. */
u64 aarch32_cp15_iss(u64 esr);
/* MCRR p15 to ICC_SGI1R: true and its value; false otherwise. */
bool aarch32_sgi1r(const struct trap_frame *f, u64 esr, u64 *value);

#endif
