// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's arm64 rules (wd/config_rules.h), built into the driver
 * beside config_check.c and, like it, compiled alone.
 */
#include "../arch/arm64/config_rules.c"
