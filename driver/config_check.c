// SPDX-License-Identifier: GPL-2.0
/*
 * The config validator shared with the hypervisor and the tools, built
 * into the driver so a bad config is refused with readable messages
 * before anything is copied (Warden checks its own copy again). It is
 * compiled alone: its private names must not meet kernel headers.
 */
#include "../hypervisor/config.c"
