// SPDX-License-Identifier: GPL-2.0
/* The checker's rules by arch (every arch's), built into the driver. */
#include "../lib/config_rules/all.c"
