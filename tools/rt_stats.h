/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RTOS statistics of a real-time cell as the root reads them
 * (struct wd_rt_stats of include/warden/rtos.h, copied by warden.ko out
 * of the cell's read-only comm page): validation and the table that
 * `warden cell stats` prints after the exit counters.
 *
 * Trust: the block is the cell's word. Nothing in it is used before
 * rt_stats_check() accepted it, and even then names are printed only as
 * printable ASCII and sums saturate instead of wrapping.
 */
#ifndef WARDEN_TOOLS_RT_STATS_H
#define WARDEN_TOOLS_RT_STATS_H

#include <stddef.h>
#include <stdio.h>

#include <warden/ioctl.h>
#include <warden/rtos.h>

/* No timer runs faster than this: keeps the time arithmetic in range. */
#define RT_STATS_MAX_FREQ 1000000000000ull /* 1 THz */

enum rt_stats_verdict {
	RT_STATS_VALID,
	RT_STATS_UNPUBLISHED, /* magic 0: the RTOS has not started yet */
	RT_STATS_INVALID, /* why[] says which rule it breaks */
};

enum rt_stats_verdict rt_stats_check(const struct wd_rt_stats *s, char *why,
				     size_t size);
/* raw[WD_RT_NAME_LEN] as 1..WD_RT_NAME_LEN - 1 printable characters. */
void rt_stats_name(const char *raw, char out[WD_RT_NAME_LEN]);
/* The table of a block rt_stats_check() accepted. */
void rt_stats_print(FILE *out, const struct wd_rt_stats *s);
/*
 * What `warden cell stats` adds for the driver's answer r: nothing for a
 * cell without statistics, a line while none are published, the table.
 * 0, or -1 after a message on err (unstable, invalid, not a comm page).
 */
int rt_stats_show(FILE *out, FILE *err, const struct wd_ioc_cell_rt_stats *r);

#endif
