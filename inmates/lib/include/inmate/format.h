/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The printf format engine, separate from any output so that it can be
 * tested on the host. Supported: %d %i %u %x %X %o %p %s %c %%, the flags
 * '-' and '0', a width (digits or '*'), and the length modifiers h, hh, l,
 * ll and z. Anything else is printed as written.
 */
#ifndef INMATE_FORMAT_H
#define INMATE_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*format_sink)(char c, void *ctx);

/* Emits the formatted text through sink; returns the characters emitted. */
int format_va(format_sink sink, void *ctx, const char *fmt, va_list ap);

#endif
