/* SPDX-License-Identifier: GPL-2.0 */
/*
 * State of a CPU that Warden controls at EL2 but does not own: PMU,
 * debug, cache maintenance by set/way, SMCCC workarounds.
 */
#ifndef ARCH_CPU_STATE_H
#define ARCH_CPU_STATE_H

#include <arch/traps.h>

struct arch_percpu;
struct percpu;

/* cpu_state.c: MDCR_EL2, CPTR_EL2, CNTHCTL_EL2 at enable and disable. */
void arch_el2_controls_init(struct arch_percpu *a);
void arch_el2_controls_exit(const struct arch_percpu *a);
/* PMU and debug registers as after reset, at every entry into a cell. */
void arch_reset_pmu_debug(void);

/*
 * Trapped system instructions (EC 0x18). Each returns false when the
 * ISS is not its business, else emulates, steps over it and counts it.
 */
bool pmu_handle_trap(struct percpu *pc, struct trap_frame *f, u64 iss);
bool setway_handle_trap(struct percpu *pc, struct trap_frame *f, u64 iss);

/*
 * smccc.c: SMCCC arch calls (0x8000xxxx) of a cell and PSCI_FEATURES
 * (SMCCC_VERSION), by HVC or SMC: false for any other call.
 */
bool smccc_handle(struct percpu *pc, struct trap_frame *f);
/* Asks the firmware which workarounds it offers on this CPU. */
void smccc_probe(struct arch_percpu *a);
/* Warden's vectors for this CPU: hardened ones if bp_fid is set. */
u64 smccc_vectors(const struct arch_percpu *a);

#endif
