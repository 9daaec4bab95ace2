// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and string helpers. With the MMU off every data access is to
 * Device memory, where an unaligned access faults: wide accesses are used
 * only when every address involved is 8-byte aligned. The build passes
 * -fno-tree-loop-distribute-patterns so that GCC does not turn these loops
 * back into calls to themselves.
 */
#include <inmate/string.h>

static bool aligned8(uintptr_t a)
{
	return (a & 7) == 0;
}

void *memset(void *dst, int c, size_t n)
{
	u8 *d = dst;
	u64 pattern = 0x0101010101010101ull * (u8)c;

	while (n && !aligned8((uintptr_t)d)) {
		*d++ = (u8)c;
		n--;
	}
	for (; n >= 8; n -= 8, d += 8)
		*(u64 *)d = pattern;
	while (n--)
		*d++ = (u8)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if (aligned8((uintptr_t)d | (uintptr_t)s))
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(u64 *)d = *(const u64 *)s;
	while (n--)
		*d++ = *s++;
	return dst;
}

/* Copies backwards when dst overlaps the tail of src. */
void *memmove(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (u8)*a - (u8)*b;
}
