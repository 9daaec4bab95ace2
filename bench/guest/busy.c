// SPDX-License-Identifier: GPL-2.0
/*
 * wd-busy: load for the root cell in the latency benchmark's case (c).
 *   wd-busy KIB    copy a KIB KiB buffer into another, 64 bytes per step,
 *                  round and round until killed
 * After each step it executes `yield`. Under QEMU's single-threaded
 * round-robin a vCPU keeps the host thread until its slice ends, and
 * `yield` ends it: the work between two yields is what an IRQ of another
 * vCPU may have to wait for. The step is the same instruction sequence as
 * the bare-metal busy loops of case (a') (latency_busy_entry in
 * inmates/demos/latency.c), so that (c) and (a') load QEMU alike.
 * Built static for the arm64 root by bench/build.mk.
 */
#define _DEFAULT_SOURCE /* madvise, MAP_ANONYMOUS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define STEP 64
#define MAX_KIB (256 * 1024)

/* Copies size bytes (a multiple of STEP, 16-byte aligned), yielding after
 * every STEP bytes; the conditional branch of latency_busy_entry's
 * "no yield" option is kept so both run the same instructions. */
static void copy_yielding(void *dst, const void *src, size_t size)
{
	size_t steps = size / STEP, yield = 1;

	__asm__ volatile("1:	ldp	x3, x4, [%1], #16\n"
			 "	ldp	x5, x6, [%1], #16\n"
			 "	ldp	x7, x8, [%1], #16\n"
			 "	ldp	x9, x10, [%1], #16\n"
			 "	stp	x3, x4, [%0], #16\n"
			 "	stp	x5, x6, [%0], #16\n"
			 "	stp	x7, x8, [%0], #16\n"
			 "	stp	x9, x10, [%0], #16\n"
			 "	cbz	%3, 2f\n"
			 "	yield\n"
			 "2:	subs	%2, %2, #1\n"
			 "	b.ne	1b\n"
			 : "+r"(dst), "+r"(src), "+r"(steps)
			 : "r"(yield)
			 : "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10",
			   "cc", "memory");
}

/* Fills the buffer one STEP at a time with a `yield` after each: a plain
 * memset of megabytes would keep a vCPU busy for milliseconds of virtual
 * time without yielding (see the header), delaying other vCPUs' IRQs
 * while the load starts. */
static void fill_yielding(char *buf, size_t size, char value)
{
	for (size_t done = 0; done < size; done += STEP) {
		memset(buf + done, value, STEP);
		__asm__ volatile("yield" ::: "memory");
	}
}

/*
 * Page-aligned anonymous memory that the kernel must not back with huge
 * pages. Why: with transparent huge pages "always" (Debian's default),
 * khugepaged collapses the buffers about 10 s after they were touched,
 * copying 2 MiB at a time in the kernel without a `yield`. Under QEMU's
 * round-robin that stretch delayed the RTOS cell's timer IRQs by up to
 * 11 ms (Documentation/testing.md, "rtos under load"); a load should be
 * the same all along.
 */
static char *buffer(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (madvise(p, size, MADV_NOHUGEPAGE))
		perror("wd-busy: madvise(MADV_NOHUGEPAGE)");
	return p;
}

static int copy_forever(size_t kib)
{
	size_t size = kib * 1024;
	char *src = buffer(size), *dst = buffer(size);

	if (!src || !dst) {
		fprintf(stderr, "wd-busy: cannot allocate 2 x %zu KiB\n", kib);
		return 1;
	}
	fill_yielding(src, size, 0x5a);
	fill_yielding(dst, size, 0xa5);
	for (;;)
		copy_yielding(dst, src, size);
}

int main(int argc, char **argv)
{
	unsigned long kib;
	char *end;

	if (argc != 2) {
		fprintf(stderr, "usage: wd-busy KIB\n");
		return 2;
	}
	kib = strtoul(argv[1], &end, 10);
	if (*end || !kib || kib > MAX_KIB || kib % 4) {
		fprintf(stderr, "wd-busy: KIB must be 4..%d, a multiple of 4\n",
			MAX_KIB);
		return 2;
	}
	return copy_forever(kib);
}
