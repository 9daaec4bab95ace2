/* SPDX-License-Identifier: GPL-2.0 */
/* Formatted output to the console and into buffers (see format.h). */
#ifndef INMATE_PRINTF_H
#define INMATE_PRINTF_H

#include <inmate/types.h>

int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list ap);
/* Always NUL-terminates when size > 0; returns the untruncated length. */
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
