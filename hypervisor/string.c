// SPDX-License-Identifier: GPL-2.0
/*
 * memset/memcpy: the compiler may emit calls to them even in freestanding
 * code, so they must exist under these names.
 */
#include <wd/string.h>

void *memset(void *dst, int c, size_t n)
{
	u8 *d = dst;

	while (n--)
		*d++ = (u8)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}
