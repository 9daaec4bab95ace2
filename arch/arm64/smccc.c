// SPDX-License-Identifier: GPL-2.0
/*
 * SMCCC 1.1 architecture calls (Arm DEN0028): SMCCC_VERSION,
 * SMCCC_ARCH_FEATURES and the branch-predictor / speculation workarounds.
 *
 * At enable each CPU asks the firmware, by the discovery sequence of the
 * SMCCC (PSCI_VERSION >= 1.0, PSCI_FEATURES(SMCCC_VERSION), SMCCC_VERSION
 * >= 1.1, then SMCCC_ARCH_FEATURES), which workarounds it implements for
 * this CPU. Where it offers SMCCC_ARCH_WORKAROUND_3 or _1, Warden's
 * vectors for that CPU call it on every entry from a cell before any
 * indirect branch (exception.S, wd_vectors_bp), as Arm recommends for a
 * hypervisor on an affected CPU (Spectre-v2, Spectre-BHB).
 *
 * A cell's ARCH_FEATURES gets the firmware's answer for its CPU, and its
 * WORKAROUND_1/3 calls need no firmware call of their own: the trap that
 * brought them here went through the hardened vectors. WORKAROUND_2
 * (SSBD) is passed on only as "not required"; a cell may not switch the
 * firmware's dynamic mitigation (Warden's EL2 code runs under it).
 *
 * Trust: the function ID and argument come from the cell and only
 * select one of the answers stored at enable.
 */
#include <arch/cpu_state.h>
#include <arch/psci.h>
#include <arch/sysreg.h>
#include <wd/percpu.h>

#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_ARCH_WORKAROUND_1 0x80008000u
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffu
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffu
#define SMCCC_1_1 0x10001
#define SMCCC_SUCCESS 0
#define SMCCC_NOT_SUPPORTED (-1)
#define SMCCC_NOT_REQUIRED (-2)
#define SMCCC_WA_UNAFFECTED 1 /* ARCH_FEATURES: not needed on this CPU */

#define PSCI_VERSION 0x84000000u
#define PSCI_FEATURES 0x8400000au
#define PSCI_1_0 0x10000
#define PSCI_SMC64 0x40000000ull

extern u8 wd_vectors[], wd_vectors_bp[];

_Static_assert(__builtin_offsetof(struct percpu, arch.bp_fid) == 0,
	       "exception.S reads bp_fid at [TPIDR_EL2]");

static bool smccc_is_arch_call(u64 fid)
{
	return (fid & ~0xffffull) == 0x80000000ull;
}

static s32 fw_call(u32 fid, u64 arg)
{
	return (s32)smc_call(fid, arg, 0, 0);
}

static bool fw_has_smccc_1_1(void)
{
	return fw_call(PSCI_VERSION, 0) >= PSCI_1_0 &&
	       fw_call(PSCI_FEATURES, SMCCC_VERSION) >= 0 &&
	       fw_call(SMCCC_VERSION, 0) >= SMCCC_1_1;
}

void smccc_probe(struct arch_percpu *a)
{
	a->fw_wa1 = a->fw_wa2 = a->fw_wa3 = SMCCC_NOT_SUPPORTED;
	a->bp_fid = 0;
	if (!fw_has_smccc_1_1())
		return;
	a->fw_wa1 = fw_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_1);
	a->fw_wa2 = fw_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_2);
	a->fw_wa3 = fw_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_3);
	/* WORKAROUND_3 also does what WORKAROUND_1 does. */
	if (a->fw_wa3 == SMCCC_SUCCESS)
		a->bp_fid = SMCCC_ARCH_WORKAROUND_3;
	else if (a->fw_wa1 == SMCCC_SUCCESS)
		a->bp_fid = SMCCC_ARCH_WORKAROUND_1;
}

u64 smccc_vectors(const struct arch_percpu *a)
{
	return (u64)(a->bp_fid ? wd_vectors_bp : wd_vectors);
}

/* 0 (call it) and 1 (not needed here) are passed on, nothing else. */
static s64 workaround_answer(s32 fw)
{
	if (fw == SMCCC_SUCCESS || fw == SMCCC_WA_UNAFFECTED)
		return fw;
	return SMCCC_NOT_SUPPORTED;
}

static s64 ssbd_answer(s32 fw)
{
	if (fw == SMCCC_NOT_REQUIRED || fw == SMCCC_WA_UNAFFECTED)
		return fw;
	return SMCCC_NOT_SUPPORTED;
}

static s64 arch_features(const struct arch_percpu *a, u32 fid)
{
	switch (fid) {
	case SMCCC_VERSION:
	case SMCCC_ARCH_FEATURES:
		return SMCCC_SUCCESS;
	case SMCCC_ARCH_WORKAROUND_1:
		return workaround_answer(a->fw_wa1);
	case SMCCC_ARCH_WORKAROUND_3:
		return workaround_answer(a->fw_wa3);
	case SMCCC_ARCH_WORKAROUND_2:
		return ssbd_answer(a->fw_wa2);
	default:
		return SMCCC_NOT_SUPPORTED;
	}
}

/* A workaround call: done on the way in, or nothing to do. */
static s64 workaround_call(const struct arch_percpu *a, u32 fid)
{
	s64 offered = arch_features(a, fid);

	return offered == SMCCC_NOT_SUPPORTED ? offered : SMCCC_SUCCESS;
}

static s64 arch_call(const struct arch_percpu *a, u32 fid, u64 arg)
{
	switch (fid) {
	case SMCCC_VERSION:
		return SMCCC_1_1;
	case SMCCC_ARCH_FEATURES:
		return arch_features(a, (u32)arg);
	case SMCCC_ARCH_WORKAROUND_1:
	case SMCCC_ARCH_WORKAROUND_2:
	case SMCCC_ARCH_WORKAROUND_3:
		return workaround_call(a, fid);
	default:
		return SMCCC_NOT_SUPPORTED;
	}
}

/* PSCI_FEATURES(SMCCC_VERSION): how a caller learns SMCCC 1.1 is here. */
static bool asks_for_smccc(const struct trap_frame *f)
{
	return (f->x[0] & ~PSCI_SMC64) == PSCI_FEATURES &&
	       (u32)f->x[1] == SMCCC_VERSION;
}

bool smccc_handle(struct percpu *pc, struct trap_frame *f)
{
	if (smccc_is_arch_call(f->x[0]))
		f->x[0] = (u64)arch_call(&pc->arch, (u32)f->x[0], f->x[1]);
	else if (asks_for_smccc(f))
		f->x[0] = SMCCC_SUCCESS;
	else
		return false;
	pc->stats[WD_STAT_POWER]++;
	return true;
}
