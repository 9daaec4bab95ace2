// SPDX-License-Identifier: GPL-2.0
/*
 * wdc_arch_rules_of() in Warden itself: only this arch's rules, so a
 * config for another arch is refused ("this checker has no rules for
 * it") and no other arch's rules take room in warden.bin.
 */
#include <wd/config_rules.h>

const struct wdc_arch_rules *wdc_arch_rules_of(wd_u32 arch)
{
	return arch == WD_ARCH_ARM64 ? &wdc_arm64_rules : 0;
}
