// SPDX-License-Identifier: GPL-2.0
/*
 * memset/memcpy: the compiler may emit calls to them even in freestanding
 * code, so they must exist under these names.
 */
#include <wd/string.h>

/* Words over bytes of any declared type. */
typedef u64 __attribute__((may_alias)) word;

/*
 * Eight bytes a store where the address allows (the build has
 * -mstrict-align): page tables and scrubbed pages are zeroed here, and a
 * byte loop made a quarter of a million of enable's EL2 instructions.
 */
void *memset(void *dst, int c, size_t n)
{
	u64 v = 0x0101010101010101ull * (u8)c;
	u8 *d = dst;

	for (; n && ((unsigned long)d & 7); n--)
		*d++ = (u8)c;
	for (; n >= 32; n -= 32, d += 32) {
		((word *)d)[0] = v;
		((word *)d)[1] = v;
		((word *)d)[2] = v;
		((word *)d)[3] = v;
	}
	for (; n >= 8; n -= 8, d += 8)
		*(word *)d = v;
	while (n--)
		*d++ = (u8)c;
	return dst;
}

/* Words when both ends share their alignment (buffers, configs). */
void *memcpy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if ((((unsigned long)d ^ (unsigned long)s) & 7) == 0) {
		for (; n && ((unsigned long)d & 7); n--)
			*d++ = *s++;
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(word *)d = *(const word *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}
