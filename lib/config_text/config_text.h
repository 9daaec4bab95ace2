/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The config checker's messages, for the tools only (the driver, the CLI,
 * the tests): the checker reports a code and values (struct wd_violation),
 * this turns them into the text. Freestanding: no libc, no allocation.
 * Warden itself does not link it: its console shows the code.
 */
#ifndef WD_CONFIG_TEXT_H
#define WD_CONFIG_TEXT_H

#include <wd/config_check.h>

/* The reasons' longest text fits (the old checker's buffer size). */
#define WD_VIOLATION_TEXT_MAX 192

/* The printf-like format of a code (%s %u %llu %llx), NULL if unknown. */
const char *wd_violation_format(unsigned int code);

/*
 * The reason of v into buf, cut to size and always NUL-terminated. An
 * unknown code or a missing value shows as such, never read past arg.
 */
void wd_violation_text(char *buf, unsigned int size,
		       const struct wd_violation *v);

#endif
