// SPDX-License-Identifier: GPL-2.0
/*
 * wdc_arch_rules_of() for the tools, the driver and the tests: they
 * check every arch's blobs. Warden links its own arch's instead
 * (arch/<arch>/config_rules_own.c): it checks only configs it can run.
 */
#include <wd/config_rules.h>

const struct wdc_arch_rules *wdc_arch_rules_of(wd_u32 arch)
{
	if (arch == WD_ARCH_X86)
		return &wdc_x86_rules;
	return arch == WD_ARCH_ARM64 ? &wdc_arm64_rules : 0;
}
