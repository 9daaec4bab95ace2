// SPDX-License-Identifier: GPL-2.0
/*
 * Per-(cell, cause) token buckets, kept as the "theoretical arrival
 * time" of the bucket being full (one u64, updated by compare-and-swap):
 * a message of cost c passes if tat + c * step lies at most burst * step
 * ahead of now. Trust: the cell decides how often we get here; the work
 * done per call is constant and nothing is printed past the budget.
 */
#include <arch.h>
#include <wd/printk.h>
#include <wd/ratelimit.h>

struct rl_rule {
	const char *what; /* in the summary, plural */
	u32 units; /* cost units ... */
	u32 seconds; /* ... per this many seconds, sustained */
	u32 burst; /* cost units at once */
};

/*
 * Console: 4 KiB/s a cell (the ring is one page and the root reads it
 * every 100 ms; the latency inmate's 1 KiB per 250 ms fits). Warden's
 * own messages: a few, then one a second (or ten).
 */
static const struct rl_rule rules[RL_CAUSES] = {
	[RL_CONSOLE] = {"console lines", 4096, 1, 2048},
	[RL_VIRQ_FULL] = {"'virtual IRQ queue full' messages", 1, 1, 3},
	[RL_REFUSED] = {"'refused' messages", 1, 10, 16},
	[RL_VIOLATION] = {"config violation messages", 16, 1, 32},
};

/*
 * At most one summary a second, or a flood that lets a line through
 * every few ms would print as many summaries. Racy on last_summary: two
 * CPUs of a cell may both print one, no more.
 */
static void summary(struct ratelimit *set, enum rl_cause cause,
		    const char *name, bool force)
{
	struct ratelimit *rl = &set[cause];
	u64 t = arch_counter();
	u32 n;

	if (!force && t - __atomic_load_n(&rl->last_summary, __ATOMIC_RELAXED) <
			      arch_counter_freq())
		return;
	n = __atomic_exchange_n(&rl->suppressed, 0, __ATOMIC_RELAXED);
	if (!n)
		return;
	__atomic_store_n(&rl->last_summary, t, __ATOMIC_RELAXED);
	printk("cell '%s': %u %s suppressed\n", name, n, rules[cause].what);
}

/* Takes cost from the bucket, or fails and leaves it as it was. */
static bool take(u64 *tat_p, u64 step, u64 cost, u64 burst)
{
	u64 now = arch_counter();
	u64 tat = __atomic_load_n(tat_p, __ATOMIC_RELAXED);
	u64 next;

	do {
		next = (tat > now ? tat : now) + step * cost;
		if (next - now > step * burst)
			return false;
	} while (!__atomic_compare_exchange_n(
		tat_p, &tat, next, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return true;
}

bool ratelimit(struct ratelimit *set, enum rl_cause cause, u32 cost,
	       const char *name)
{
	const struct rl_rule *r = &rules[cause];
	struct ratelimit *rl = &set[cause];
	u64 step = arch_counter_freq() * r->seconds / r->units;

	if (!take(&rl->tat, step, cost, r->burst)) {
		__atomic_fetch_add(&rl->suppressed, 1, __ATOMIC_RELAXED);
		return false;
	}
	summary(set, cause, name, false);
	return true;
}

void ratelimit_flush(struct ratelimit *set, const char *name)
{
	unsigned int cause;

	for (cause = 0; cause < RL_CAUSES; cause++)
		summary(set, cause, name, true);
}
