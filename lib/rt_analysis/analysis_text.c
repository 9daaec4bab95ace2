// SPDX-License-Identifier: GPL-2.0
/*
 * The one-line reason of an analysis result, built without libc. Text
 * that comes from the task set (names) is untrusted: only printable ASCII
 * is copied, anything else becomes '?'.
 */
#include "analysis_internal.h"

static void text_char(struct rt_analysis *a, char c)
{
	unsigned int len = 0;

	while (a->reason[len])
		len++;
	if (len + 1 >= RT_REASON_LEN)
		return;
	a->reason[len] = c;
	a->reason[len + 1] = '\0';
}

void rt_text_str(struct rt_analysis *a, const char *s)
{
	while (*s)
		text_char(a, *s++);
}

void rt_text_u64(struct rt_analysis *a, wd_u64 value)
{
	char digits[21];
	int n = 0;

	do {
		digits[n++] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	while (n)
		text_char(a, digits[--n]);
}

/* Fraction digits of a remainder below 1000, without trailing zeros. */
static void text_thousandths(struct rt_analysis *a, wd_u64 rest)
{
	if (!rest)
		return;
	text_char(a, '.');
	for (wd_u64 scale = 100; rest; scale /= 10) {
		text_char(a, (char)('0' + rest / scale));
		rest %= scale;
	}
}

/* "800 us", "12 ms", "12.5 ms" */
void rt_text_time(struct rt_analysis *a, wd_u64 us)
{
	if (us < 1000) {
		rt_text_u64(a, us);
		rt_text_str(a, " us");
		return;
	}
	rt_text_u64(a, us / 1000);
	text_thousandths(a, us % 1000);
	rt_text_str(a, " ms");
}

/* "0.783": always three decimals, to line up in tables. */
void rt_text_permille(struct rt_analysis *a, wd_u32 permille)
{
	rt_text_u64(a, permille / 1000);
	text_char(a, '.');
	text_char(a, (char)('0' + permille / 100 % 10));
	text_char(a, (char)('0' + permille / 10 % 10));
	text_char(a, (char)('0' + permille % 10));
}

/* "task NAME: " (the name is NUL-terminated: validated first) */
void rt_text_task(struct rt_analysis *a, const struct wd_rt_taskset *set,
		  unsigned int i)
{
	const char *name = set->task[i].name;

	rt_text_str(a, "task ");
	for (unsigned int k = 0; k < WD_RT_NAME_LEN && name[k]; k++)
		text_char(a, name[k] >= 0x20 && name[k] < 0x7f ? name[k] : '?');
	rt_text_str(a, ": ");
}
