/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor messages: a small printf subset (%s %c %d %u %x %lx %llx %p,
 * with 0-padding and width) written to the system console and the ring.
 */
#ifndef WD_PRINTK_H
#define WD_PRINTK_H

#include <core.h>

#include <stdarg.h>
#include <wd/types.h>

/* Declared in core.h: printk(). */
void vprintk(const char *fmt, va_list ap);

/* Formats into buf (always NUL-terminated); returns the length. */
size_t wd_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
