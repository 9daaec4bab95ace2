// SPDX-License-Identifier: GPL-2.0
/*
 * shmkeep: tells what it finds in its link's shared memory, then leaves
 * a pattern there (cells/arm64/shm-a.c, shm-b.c: link 2, 1 MiB at
 * guest-physical 0x50000000). Prints "shmkeep: pattern found" (a peer,
 * or an earlier sharer that was not scrubbed, left it), "shmkeep:
 * region clean" (all zero) or "shmkeep: region dirty (N words)", then
 * "shmkeep: pattern written". Warden scrubs the region when its last
 * sharer goes (Documentation/ivshmem.md).
 */
#include <inmate/boot.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/types.h>

#define SHM_BASE 0x50000000ul
#define SHM_WORDS (0x100000ul / 8)
#define MAGIC 0x215045454b4d4853ul /* "SHMKEEP!" */

static u64 pattern(u64 i)
{
	return i ? i * 0x9e3779b97f4a7c15ul : MAGIC;
}

static u64 words_that(bool (*test)(u64 i, u64 v))
{
	volatile u64 *w = (volatile u64 *)SHM_BASE;
	u64 i, n = 0;

	for (i = 0; i < SHM_WORDS; i++)
		n += test(i, w[i]);
	return n;
}

static bool is_pattern(u64 i, u64 v)
{
	return v == pattern(i);
}

static bool non_zero(u64 i, u64 v)
{
	(void)i;
	return v != 0;
}

void inmate_main(void)
{
	volatile u64 *w = (volatile u64 *)SHM_BASE;
	u64 i, dirty;

	if (words_that(is_pattern) == SHM_WORDS) {
		printf("shmkeep: pattern found\n");
	} else {
		dirty = words_that(non_zero);
		if (dirty)
			printf("shmkeep: region dirty (%lu words)\n", dirty);
		else
			printf("shmkeep: region clean\n");
	}
	for (i = 0; i < SHM_WORDS; i++)
		w[i] = pattern(i);
	asm volatile("dsb sy" : : : "memory");
	printf("shmkeep: pattern written\n");
	for (;;)
		wait_for_interrupt();
}
