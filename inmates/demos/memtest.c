// SPDX-License-Identifier: GPL-2.0
/*
 * memtest: writes and verifies a pattern over all of the cell's RAM that
 * the program itself does not occupy, for the colouring scenario
 * (Documentation/colouring.md). Each 8-byte word gets a value made from
 * its own guest-physical address, so two guest pages backed by the same
 * frame, or a page backed by nothing, show up as mismatches. Before
 * writing it counts the words that are not zero: Warden scrubs a cell's
 * frames at destroy, so a cell created again starts from zeroes.
 * Prints "memtest: PASS" or "memtest: FAIL", then halts.
 *
 * The RAM size is that of cells/arm64/colour-a.c and colour-b.c.
 */
#include <inmate/boot.h>
#include <inmate/printf.h>
#include <inmate/types.h>

#define MEMTEST_RAM_END 0x41000000ul /* 16 MiB from 0x40000000 */
#define PAGE 0x1000ul

extern char __stack_top[];

struct area {
	volatile u64 *start;
	volatile u64 *end;
};

static u64 pattern(volatile u64 *word, u64 flip)
{
	return ((uintptr_t)word * 0x9e3779b97f4a7c15ul) ^ flip;
}

static u64 count_non_zero(const struct area *a)
{
	volatile u64 *w;
	u64 n = 0;

	for (w = a->start; w < a->end; w++)
		n += *w != 0;
	return n;
}

static void fill(const struct area *a, u64 flip)
{
	volatile u64 *w;

	for (w = a->start; w < a->end; w++)
		*w = pattern(w, flip);
}

/* Reports the first mismatch; returns how many words differ. */
static u64 verify(const struct area *a, u64 flip)
{
	volatile u64 *w;
	u64 bad = 0, got;

	for (w = a->start; w < a->end; w++) {
		got = *w;
		if (got == pattern(w, flip))
			continue;
		if (!bad++)
			printf("memtest: 0x%lx holds 0x%lx, expected 0x%lx\n",
			       (unsigned long)(uintptr_t)w, got,
			       pattern(w, flip));
	}
	return bad;
}

void inmate_main(void)
{
	uintptr_t first = ((uintptr_t)__stack_top + PAGE - 1) & ~(PAGE - 1);
	struct area a = {(volatile u64 *)first,
			 (volatile u64 *)MEMTEST_RAM_END};
	u64 dirty, bad;

	printf("memtest: 0x%lx-0x%lx, %lu KiB\n", (unsigned long)first,
	       MEMTEST_RAM_END, (MEMTEST_RAM_END - first) / 1024);
	dirty = count_non_zero(&a);
	printf("memtest: zero before: %s (%lu words not zero)\n",
	       dirty ? "no" : "yes", dirty);
	fill(&a, 0);
	bad = verify(&a, 0);
	fill(&a, ~0ul); /* every bit the other way */
	bad += verify(&a, ~0ul);
	printf("memtest: %lu words wrong\n", bad);
	printf("memtest: %s\n", bad ? "FAIL" : "PASS");
	inmate_halt();
}
