/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The comm region: one page per cell that Warden and the cell both see
 * (the cell's WD_MEM_COMM region). Warden fills it at cell create and keeps
 * `state` current; the root reads the same fields through the hypercalls.
 * Documented in Documentation/inmate-abi.md.
 *
 * Trust: Warden only writes this page and never reads decisions back from
 * it, so a cell scribbling on it harms nobody but itself. The root sees
 * the page read-only (mapped at its physical address from create to
 * destroy, hypervisor/cell_root.c) and must never write it; what it reads
 * there is the cell's word and is validated before use.
 */
#ifndef WARDEN_COMM_H
#define WARDEN_COMM_H

#include <warden/config.h>

#define WD_COMM_SIGNATURE 0x4d4d4f43445257ull /* "WRDCOMM" little-endian */
#define WD_COMM_REVISION 1

struct wd_comm_region {
	wd_u64 signature; /* WD_COMM_SIGNATURE */
	wd_u32 revision; /* WD_COMM_REVISION */
	wd_u32 state; /* WD_CELL_STATE_* (hypercall.h) */
	char name[WD_NAME_LEN]; /* the cell's name from its config */
	wd_u32 cell_id;
	/* The unions are the arch's part, filled by arch_fill_comm(). */
	union {
		wd_u32 gic_version; /* arm64: WD_GIC_V2 or WD_GIC_V3 */
		wd_u32 arch_word; /* x86: 0 (not used yet) */
	};
	wd_u64 cpu_set; /* logical CPUs of the cell */
	union {
		struct { /* arm64: guest-physical GIC addresses */
			wd_u64 gicd_base;
			wd_u64 gicc_base; /* v2: the (virtual) CPU interface */
			wd_u64 gicr_base; /* v3: redistributor of CPU 0 */
		};
		wd_u64 arch_addr[3]; /* x86: 0 (not used yet) */
	};
	wd_u64 timer_freq; /* the cell's timer in Hz (arm64: CNTFRQ_EL0) */
	wd_u64 reserved[8];
};

/*
 * Layout of the comm page: struct wd_comm_region at 0; a cell with a
 * real-time task set (WD_CELL_RT_TASKSET) finds it, copied by Warden at
 * create, at WD_COMM_RT_TASKSET_OFFSET; the RTOS keeps its statistics at
 * WD_RT_STATS_OFFSET (include/warden/rtos.h) for the root to read.
 */
#define WD_COMM_RT_TASKSET_OFFSET 1024

#endif
