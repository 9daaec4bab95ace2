// SPDX-License-Identifier: GPL-2.0
/*
 * wd-busy: load for the root cell in the latency benchmark's case (c).
 *   wd-busy spin       count in a loop
 *   wd-busy copy KIB   copy a buffer of KIB KiB back and forth, in pages
 * Both run until killed. Each loop iteration (spin) or page (copy) ends
 * with `yield`, like the bare-metal busy loops of case (a'): under QEMU's
 * single-threaded round-robin a vCPU keeps the host thread until its
 * slice ends, and `yield` ends it. Without it the measured tail would be
 * the length of QEMU's slices, the same whether or not Warden is there.
 * (Built static for the arm64 root by bench/build.mk.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096
#define MAX_KIB (256 * 1024)

static void yield(void)
{
	__asm__ volatile("yield" ::: "memory");
}

static void spin(void)
{
	volatile unsigned long count = 0;

	for (;;) {
		count++;
		yield();
	}
}

static void copy_pages(char *dst, const char *src, size_t size)
{
	for (size_t off = 0; off < size; off += PAGE) {
		memcpy(dst + off, src + off, PAGE);
		yield();
	}
}

static int copy(size_t kib)
{
	size_t size = kib * 1024;
	char *a = malloc(size), *b = malloc(size);

	if (!a || !b) {
		fprintf(stderr, "wd-busy: cannot allocate 2 x %zu KiB\n", kib);
		return 1;
	}
	memset(a, 0x5a, size);
	memset(b, 0xa5, size);
	for (;;) {
		copy_pages(b, a, size);
		copy_pages(a, b, size);
	}
}

int main(int argc, char **argv)
{
	unsigned long kib;
	char *end;

	if (argc == 2 && !strcmp(argv[1], "spin"))
		spin();
	if (argc == 3 && !strcmp(argv[1], "copy")) {
		kib = strtoul(argv[2], &end, 10);
		if (*end || !kib || kib > MAX_KIB || kib % 4) {
			fprintf(stderr,
				"wd-busy: KIB must be 4..%d, "
				"a multiple of 4\n",
				MAX_KIB);
			return 2;
		}
		return copy(kib);
	}
	fprintf(stderr, "usage: wd-busy spin | wd-busy copy KIB\n");
	return 2;
}
