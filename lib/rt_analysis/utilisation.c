// SPDX-License-Identifier: GPL-2.0
/*
 * Sums of fractions C/T (utilisation) or C/D (density), compared with 1
 * exactly. Fixed-point or floating point would misjudge sets at or near
 * U = 1, and a common denominator (the product or lcm of up to 8 periods
 * of up to 32 bits) needs up to 256 bits. So the comparison is done on
 * integers of BIG_LIMBS 32-bit words:
 *
 *   sum_i C_i / X_i  <=>  1   iff   sum_i C_i * prod_{j != i} X_j  <=>  prod_j X_j
 *
 * Each product has at most 8 factors below 2^32 (< 2^256) and the sum has
 * at most 8 terms (< 2^259): 9 limbs suffice, 10 are used.
 */
#include "analysis_internal.h"

#define BIG_LIMBS 10

struct big {
	wd_u32 limb[BIG_LIMBS]; /* least significant first */
};

static void big_set(struct big *b, wd_u32 value)
{
	for (int i = 0; i < BIG_LIMBS; i++)
		b->limb[i] = 0;
	b->limb[0] = value;
}

/* b *= factor (factor < 2^32; the bound above rules out a carry out) */
static void big_mul(struct big *b, wd_u32 factor)
{
	wd_u64 carry = 0;

	for (int i = 0; i < BIG_LIMBS; i++) {
		wd_u64 product = (wd_u64)b->limb[i] * factor + carry;

		b->limb[i] = (wd_u32)product;
		carry = product >> 32;
	}
}

static void big_add(struct big *sum, const struct big *term)
{
	wd_u64 carry = 0;

	for (int i = 0; i < BIG_LIMBS; i++) {
		wd_u64 s = (wd_u64)sum->limb[i] + term->limb[i] + carry;

		sum->limb[i] = (wd_u32)s;
		carry = s >> 32;
	}
}

static int big_cmp(const struct big *a, const struct big *b)
{
	for (int i = BIG_LIMBS - 1; i >= 0; i--) {
		if (a->limb[i] != b->limb[i])
			return a->limb[i] < b->limb[i] ? -1 : 1;
	}
	return 0;
}

static wd_u32 divisor(const struct wd_rt_task *t, enum rt_divisor by)
{
	return (wd_u32)(by == RT_BY_PERIOD ? t->period_us : t->deadline_us);
}

/* Sign of (sum of C_i / X_i) - 1, exactly. */
int rt_sum_vs_one(const struct wd_rt_taskset *set, enum rt_divisor by)
{
	struct big denominator, numerator, term;

	big_set(&denominator, 1);
	big_set(&numerator, 0);
	for (unsigned int i = 0; i < set->count; i++) {
		big_mul(&denominator, divisor(&set->task[i], by));
		big_set(&term, (wd_u32)set->task[i].wcet_us);
		for (unsigned int j = 0; j < set->count; j++)
			if (j != i)
				big_mul(&term, divisor(&set->task[j], by));
		big_add(&numerator, &term);
	}
	return big_cmp(&numerator, &denominator);
}

/*
 * For display only: each term C * 10^6 / T (C < 2^32, so C * 10^6 < 2^52)
 * is rounded down and up, the sums then to thousandths. The exact sign
 * keeps the shown value honest at the boundary: 1.000 only when U is
 * exactly 1, an overload rounded up, a U below 1 never shown as 1.000.
 */
wd_u32 rt_utilisation_permille(const struct wd_rt_taskset *set,
			       int exact_vs_one)
{
	wd_u64 low = 0, high = 0, permille;

	if (exact_vs_one == 0)
		return 1000;
	for (unsigned int i = 0; i < set->count; i++) {
		const struct wd_rt_task *t = &set->task[i];

		low += t->wcet_us * 1000000 / t->period_us;
		high += rt_div_ceil(t->wcet_us * 1000000, t->period_us);
	}
	if (exact_vs_one > 0) {
		permille = rt_div_ceil(high, 1000);
		if (permille == 1000)
			permille = 1001;
	} else {
		permille = (low + 500) / 1000;
		if (permille >= 1000)
			permille = 999;
	}
	return permille > 0xffffffffu ? 0xffffffffu : (wd_u32)permille;
}
