/* SPDX-License-Identifier: GPL-2.0 */
/* The few libc string functions the hypervisor needs (see string.c). */
#ifndef WD_STRING_H
#define WD_STRING_H

#include <wd/types.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

#endif
