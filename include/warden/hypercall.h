/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * Warden hypercall ABI (arm64). Documented in Documentation/hypercalls.md.
 *
 * `hvc #0` with x0 = function ID, x1..x3 = arguments; the result comes back
 * in x0: >= 0 success, < 0 a -errno from the table below. IDs live in the
 * SMCCC "vendor specific hypervisor service" range (fast call, SMC64,
 * OEN 6), distinct from Linux's hyp-stub calls (0..3) and from PSCI (OEN 4).
 */
#ifndef WARDEN_HYPERCALL_H
#define WARDEN_HYPERCALL_H

#include <warden/config.h> /* wd_u64 */

#define WD_HC_BASE 0xc6000000u
#define WD_HC(n) (WD_HC_BASE + (n))

#define WD_HC_GET_INFO WD_HC(0) /* x1 = WD_INFO_* -> value */
#define WD_HC_DISABLE WD_HC(1) /* root only */
#define WD_HC_CELL_CREATE WD_HC(2) /* x1 = config PA, x2 = size -> id */
#define WD_HC_CELL_SET_LOADABLE WD_HC(3) /* x1 = id */
#define WD_HC_CELL_START WD_HC(4) /* x1 = id[, x2 = entry, x3 = x0] */
#define WD_HC_CELL_SHUTDOWN WD_HC(5) /* x1 = id */
#define WD_HC_CELL_DESTROY WD_HC(6) /* x1 = id */
#define WD_HC_CELL_STATE WD_HC(7) /* x1 = id -> WD_CELL_STATE_* */
#define WD_HC_CONSOLE_PUTC WD_HC(8) /* x1 = character (any cell) */
#define WD_HC_CELL_STATS WD_HC(9) /* x1 = id, x2 = cpu, x3 = stat */
/* Shared-memory links (Documentation/ivshmem.md), any cell: */
#define WD_HC_DOORBELL WD_HC(10) /* x1 = link id, x2 = cell id -> rung */
#define WD_HC_LINK_STATE WD_HC(11) /* x1 = link id -> running peers */
/* Root: x1 = id, x2 = first run, x3 = PA of a root page -> runs written */
#define WD_HC_CELL_MAPPINGS WD_HC(12)
/*
 * A non-root cell reports an exception it cannot handle (x1 = ESR_EL1,
 * x2 = ELR_EL1): an undefined instruction at EL1 goes to the cell's own
 * vectors, never to Warden, so the inmate library tells Warden, which
 * fails the cell as for any fault. The root gets -EPERM.
 */
#define WD_HC_CELL_FAULT WD_HC(13)
/* x1 = guest-physical address of bytes in the caller's RAM, x2 = length */
#define WD_HC_CONSOLE_WRITE WD_HC(14) /* any cell -> bytes written */
/*
 * Root only: x1 = CPU index. Linux has offlined that CPU; Warden parks it
 * (x86: Linux's offline loop stays a guest, a kick takes it out), so a
 * cell can take it. arm64 CPUs park by PSCI CPU_OFF already: 0.
 */
#define WD_HC_CPU_PARK WD_HC(15)
#define WD_HC_COUNT 16

/* WD_HC_CONSOLE_WRITE: most bytes one call takes */
#define WD_CONSOLE_WRITE_MAX 128

/* WD_HC_DOORBELL x2: ring every peer of the link */
#define WD_DOORBELL_ALL_PEERS 0xffffffffull

/* WD_HC_GET_INFO selectors */
#define WD_INFO_VERSION 0 /* (major << 16) | minor */
#define WD_INFO_NUM_CELLS 1
#define WD_INFO_MEM_POOL_USED 2
#define WD_INFO_MEM_POOL_SIZE 3
/* Hz of the cell's clock (arm64: CNTVCT, x86: the TSC Warden measured) */
#define WD_INFO_COUNTER_HZ 4

/*
 * WD_HC_CELL_STATS counters (x3): exits of one CPU by cause, counted
 * since the CPU joined its current cell (enable, create, destroy).
 */
#define WD_STAT_HYPERCALL 0 /* HVC: Warden calls, stub probes */
#define WD_STAT_IRQ 1 /* interrupts taken at EL2 */
#define WD_STAT_MMIO 2 /* stage-2 aborts: MMIO emulation, bad accesses */
#define WD_STAT_POWER 3 /* CPU power calls (arm64: PSCI, by HVC or SMC) */
#define WD_STAT_SYSREG 4 /* trapped system register accesses */
#define WD_STAT_SMC 5 /* SMCs that are not PSCI */
#define WD_STAT_OTHER 6 /* any other exit (FIQ, SError, unknown) */
#define WD_STAT_FAULT 7 /* faults that failed the cell (0 or 1) */
#define WD_STAT_SETWAY 8 /* trapped cache set/way operations (DC ISW...) */
#define WD_STAT_COUNT 9

/* Cell states, also in the comm region */
#define WD_CELL_STATE_CREATED 0 /* CPUs parked, not loaded */
#define WD_CELL_STATE_LOADING 1 /* loadable regions mapped for the root */
#define WD_CELL_STATE_RUNNING 2
#define WD_CELL_STATE_SHUT_DOWN 3
#define WD_CELL_STATE_FAILED 4

/* Linux hyp stub calls (arch/arm64/include/asm/virt.h of Linux 6.1). */
#define WD_STUB_HVC_SET_VECTORS 0
#define WD_STUB_HVC_SOFT_RESTART 1
#define WD_STUB_HVC_RESET_VECTORS 2
#define WD_STUB_ERR 0xbadca11

/*
 * WD_HC_CELL_MAPPINGS writes one struct wd_mappings into the root's page:
 * the cell's memory regions as runs of guest-physical -> physical, in
 * region order and guest-physical order within a region. A coloured
 * region (Documentation/colouring.md) has one run per group of
 * contiguous frames; any other region is one run.
 */
struct wd_mapping {
	wd_u64 ipa;
	wd_u64 pa;
	wd_u64 size;
	wd_u32 region; /* index in the cell config's mem[] */
	wd_u32 flags; /* that region's WD_MEM_* */
};

#define WD_MAPPINGS_MAX 127 /* runs per call: the struct is one page */

struct wd_mappings {
	wd_u64 stage2_tables; /* pages of the cell's stage-2 tables */
	wd_u32 count; /* runs in run[] */
	wd_u32 reserved;
	struct wd_mapping run[WD_MAPPINGS_MAX];
};

#endif
