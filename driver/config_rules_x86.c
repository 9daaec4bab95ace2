// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's x86 rules (wd/config_rules.h), built into the driver
 * beside config_check.c and, like it, compiled alone.
 */
#include "../arch/x86/config_rules.c"
