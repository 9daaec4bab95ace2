/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the sync vector (exception.S) compares to pick the doorbell fast
 * path (hvc_fast.S), as plain numbers for the assembler; traps.c checks
 * them against the C definitions at build time.
 */
#ifndef ARCH_HVC_FAST_H
#define ARCH_HVC_FAST_H

/* ESR_EL2 of `hvc #0` from AArch64: EC 0x16, IL set, ISS (imm16) 0 */
#define ESR_HVC64_IMM0 0x5a000000
/* WD_HC_DOORBELL (include/warden/hypercall.h) */
#define HVC_FAST_DOORBELL 0xc600000a

/* struct percpu: cell, stats[WD_STAT_HYPERCALL] */
#define PC_CELL 336
#define PC_STAT_HYPERCALL 376

#endif
