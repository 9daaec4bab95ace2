/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory and string helpers. The compiler may also emit calls to memset
 * and memcpy on its own (struct copies, zeroing), so these names are fixed.
 */
#ifndef INMATE_STRING_H
#define INMATE_STRING_H

#include <inmate/types.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#endif
