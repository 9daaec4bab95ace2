// SPDX-License-Identifier: GPL-2.0
/*
 * Which handler an ID reaches, by the rules Warden routes an HVC with
 * (arch/arm64/traps.c, arch/arm64/psci.c): PSCI and SMCCC arch first,
 * then Warden's 0xc600xxxx (bits 16-31 only), then Linux's stub IDs.
 * The filter relies on this to spot the calls it must not send.
 */
#include <linux/kernel.h>

#include "hcfuzz.h"

#define PSCI_SMC64 0x40000000ull

static const char *const warden_names[WD_HC_COUNT] = {
	"GET_INFO",	 "DISABLE",	  "CELL_CREATE",   "CELL_SET_LOADABLE",
	"CELL_START",	 "CELL_SHUTDOWN", "CELL_DESTROY",  "CELL_STATE",
	"CONSOLE_PUTC",	 "CELL_STATS",	  "DOORBELL",	   "LINK_STATE",
	"CELL_MAPPINGS", "CELL_FAULT",	  "CONSOLE_WRITE",
};

static const char *const psci_names[] = {
	"VERSION",
	"CPU_SUSPEND",
	"CPU_OFF",
	"CPU_ON",
	"AFFINITY_INFO",
	"MIGRATE",
	"MIGRATE_INFO_TYPE",
	"MIGRATE_INFO_UP_CPU",
	"SYSTEM_OFF",
	"SYSTEM_RESET",
	"FEATURES",
	"CPU_FREEZE",
	"CPU_DEFAULT_SUSPEND",
	"NODE_HW_STATE",
	"SYSTEM_SUSPEND",
	"SET_SUSPEND_MODE",
	"STAT_RESIDENCY",
	"STAT_COUNT",
	"SYSTEM_RESET2",
	"MEM_PROTECT",
	"MEM_PROTECT_CHECK_RANGE",
};

static bool is_smccc_arch(u64 id)
{
	return (id & 0xffff0000ull) == 0x80000000ull;
}

bool hcf_is_psci(u64 id)
{
	return (id & ~(PSCI_SMC64 | 0x1full)) == 0x84000000ull ||
	       is_smccc_arch(id);
}

static unsigned int warden_kind(u64 id)
{
	u64 n = id - WD_HC_BASE;

	if (n < WD_HC_COUNT)
		return (unsigned int)n;
	return n < 0x20 ? HCF_KIND_WARDEN_PAST : HCF_KIND_VENDOR;
}

unsigned int hcf_kind_of(u64 id)
{
	if (is_smccc_arch(id))
		return HCF_KIND_SMCCC;
	if (hcf_is_psci(id))
		return HCF_KIND_PSCI + (unsigned int)(id & 0x1f);
	if ((id & 0xffff0000ull) == WD_HC_BASE)
		return warden_kind(id);
	return id < 8 ? HCF_KIND_STUB : HCF_KIND_OTHER;
}

int hcf_kind_name(unsigned int kind, char *buf, size_t size)
{
	unsigned int fn = kind - HCF_KIND_PSCI;

	if (kind < WD_HC_COUNT)
		return scnprintf(buf, size, "WD_HC_%s", warden_names[kind]);
	if (kind >= HCF_KIND_PSCI && kind < HCF_KIND_SMCCC)
		return fn < ARRAY_SIZE(psci_names)
			       ? scnprintf(buf, size, "PSCI_%s", psci_names[fn])
			       : scnprintf(buf, size, "PSCI fn 0x%02x", fn);
	switch (kind) {
	case HCF_KIND_WARDEN_PAST:
		return scnprintf(buf, size, "0x%x-0xc600001f (no handler)",
				 WD_HC(WD_HC_COUNT));
	case HCF_KIND_VENDOR:
		return scnprintf(buf, size, "other 0x....c600xxxx");
	case HCF_KIND_STUB:
		return scnprintf(buf, size, "Linux stub 0-7");
	case HCF_KIND_SMCCC:
		return scnprintf(buf, size, "SMCCC arch 0x8000xxxx");
	default:
		return scnprintf(buf, size, "any other ID");
	}
}
