// SPDX-License-Identifier: GPL-2.0
/*
 * memkeep: keeps a pattern in all of the cell's RAM that the program
 * does not occupy and checks it about once a second, forever, so that a
 * test can see that nothing else (the root, another cell, Warden itself)
 * writes into this cell while it runs. Each 8-byte word holds a value
 * made from its own address and a seed drawn at start, so a stale or
 * shifted copy does not pass either. Prints one line per round,
 * "memkeep: round N: intact (K KiB), F rounds failed so far" (FAIL for
 * intact when a word changed, after a line with the first bad word);
 * after a failed round it writes the pattern again and keeps going.
 *
 * The RAM size is that of cells/arm64/simple-cell.h (16 MiB).
 */
#include <inmate/boot.h>
#include <inmate/printf.h>
#include <inmate/timer.h>
#include <inmate/types.h>

#define MEMKEEP_RAM_END 0x41000000ul
#define PAGE 0x1000ul

extern char __stack_top[];

struct area {
	volatile u64 *start;
	volatile u64 *end;
	u64 seed;
};

static u64 pattern(const struct area *a, volatile u64 *word)
{
	return ((uintptr_t)word * 0x9e3779b97f4a7c15ul) ^ a->seed;
}

static void fill(const struct area *a)
{
	volatile u64 *w;

	for (w = a->start; w < a->end; w++)
		*w = pattern(a, w);
}

/* Reports the first mismatch; returns how many words differ. */
static u64 verify(const struct area *a, u64 round)
{
	volatile u64 *w;
	u64 bad = 0, got;

	for (w = a->start; w < a->end; w++) {
		got = *w;
		if (got == pattern(a, w))
			continue;
		if (!bad++)
			printf("memkeep: FAIL: round %lu: 0x%lx holds 0x%lx, "
			       "expected 0x%lx\n",
			       round, (unsigned long)(uintptr_t)w, got,
			       pattern(a, w));
	}
	return bad;
}

/*
 * Every line carries the count of failed rounds, so the last line seen
 * tells whether any round failed, even if a console reader lost some.
 */
static void check_round(const struct area *a, u64 round, u64 *failed)
{
	u64 bad = verify(a, round);
	unsigned long kib =
		(unsigned long)((uintptr_t)a->end - (uintptr_t)a->start) / 1024;

	if (bad) {
		(*failed)++;
		fill(a);
	}
	printf("memkeep: round %lu: %s (%lu KiB), %lu rounds failed so far\n",
	       round, bad ? "FAIL" : "intact", kib, *failed);
}

void inmate_main(void)
{
	uintptr_t first = ((uintptr_t)__stack_top + PAGE - 1) & ~(PAGE - 1);
	struct area a = {(volatile u64 *)first, (volatile u64 *)MEMKEEP_RAM_END,
			 timer_now() | 1};
	u64 period = timer_frequency();
	u64 deadline = timer_now();
	u64 failed = 0;

	printf("\nmemkeep: 0x%lx-0x%lx, seed 0x%lx\n", (unsigned long)first,
	       MEMKEEP_RAM_END, a.seed);
	fill(&a);
	for (u64 round = 1;; round++) {
		deadline += period;
		inmate_sleep_until(deadline);
		check_round(&a, round, &failed);
	}
}
