// SPDX-License-Identifier: GPL-2.0
/*
 * RTOS statistics of a cell, as the root reads them (rt_stats.h). The
 * rules follow the RTOS's own accounting (inmates/rtos/README.md, "Job
 * outcomes"): every job released is at most once completed or stopped
 * (an overrun) and at most once counted as a miss, and idle time is part
 * of the time since the first release. A block that breaks one of them
 * is refused whole: its numbers are not worth showing.
 */
#include <string.h>

#include <warden/comm.h>

#include "rt_stats.h"

static enum rt_stats_verdict invalid(char *why, size_t size, const char *what,
				     unsigned long long value)
{
	snprintf(why, size, "%s %llu", what, value);
	return RT_STATS_INVALID;
}

/* The header fields, each against its own range. */
static enum rt_stats_verdict check_header(const struct wd_rt_stats *s,
					  char *why, size_t size)
{
	if (s->revision != WD_RT_STATS_REVISION)
		return invalid(why, size, "unknown revision", s->revision);
	if (s->sequence & 1)
		return invalid(why, size, "update in progress: sequence",
			       s->sequence);
	if (s->policy != WD_RT_EDF && s->policy != WD_RT_RM)
		return invalid(why, size, "unknown policy", s->policy);
	if (s->count < 1 || s->count > WD_RT_MAX_TASKS)
		return invalid(why, size, "task count out of 1..8:", s->count);
	if (s->verdict > WD_RT_INVALID)
		return invalid(why, size, "unknown verdict", s->verdict);
	if (!s->timer_freq || s->timer_freq > RT_STATS_MAX_FREQ)
		return invalid(why, size,
			       "timer frequency out of range:", s->timer_freq);
	return RT_STATS_VALID;
}

static enum rt_stats_verdict check_times(const struct wd_rt_stats *s, char *why,
					 size_t size)
{
	if (s->now < s->start)
		return invalid(why, size,
			       "last update before the start:", s->now);
	if (s->idle > s->now - s->start)
		return invalid(why, size, "idle longer than the run:", s->idle);
	return RT_STATS_VALID;
}

static enum rt_stats_verdict check_task(const struct wd_rt_task_stats *t,
					unsigned int i, char *why, size_t size)
{
	const char *broken = NULL;

	if (t->completed > t->released)
		broken = "more jobs completed than released";
	else if (t->overruns > t->released - t->completed)
		broken = "more jobs completed or stopped than released";
	else if (t->deadline_misses > t->released)
		broken = "more deadline misses than jobs released";
	if (!broken)
		return RT_STATS_VALID;
	snprintf(why, size, "task %u: %s", i, broken);
	return RT_STATS_INVALID;
}

enum rt_stats_verdict rt_stats_check(const struct wd_rt_stats *s, char *why,
				     size_t size)
{
	enum rt_stats_verdict v;
	unsigned int i;

	if (!s->magic)
		return RT_STATS_UNPUBLISHED;
	if (s->magic != WD_RT_STATS_MAGIC)
		return invalid(why, size, "bad magic", s->magic);
	v = check_header(s, why, size);
	if (v == RT_STATS_VALID)
		v = check_times(s, why, size);
	for (i = 0; v == RT_STATS_VALID && i < s->count; i++)
		v = check_task(&s->task[i], i, why, size);
	return v;
}

void rt_stats_name(const char *raw, char out[WD_RT_NAME_LEN])
{
	unsigned int i;

	for (i = 0; i < WD_RT_NAME_LEN - 1 && raw[i]; i++)
		out[i] = raw[i] > ' ' && raw[i] <= '~' ? raw[i] : '?';
	if (!i)
		out[i++] = '-';
	out[i] = '\0';
}

static wd_u64 add_saturated(wd_u64 a, wd_u64 b)
{
	return a > ~0ull - b ? ~0ull : a + b;
}

static double ticks_to_seconds(wd_u64 ticks, wd_u64 freq)
{
	return (double)ticks / (double)freq;
}

static const char *const verdict_names[] = {
	[WD_RT_NOT_ANALYSED] = "not analysed", [WD_RT_FEASIBLE] = "feasible",
	[WD_RT_INFEASIBLE] = "infeasible",     [WD_RT_UNDECIDED] = "undecided",
	[WD_RT_INVALID] = "invalid set",
};

static void print_header(FILE *out, const struct wd_rt_stats *s)
{
	wd_u64 elapsed = s->now - s->start;
	double busy =
		elapsed ? 100.0 * (double)(elapsed - s->idle) / (double)elapsed
			: 0.0;

	fprintf(out,
		"rt: %s (%s) t=%.3fs busy %.1f%% switches %llu "
		"irq-latency<=%llu sequence %u\n",
		s->policy == WD_RT_EDF ? "EDF" : "RM",
		verdict_names[s->verdict],
		ticks_to_seconds(elapsed, s->timer_freq), busy, s->switches,
		s->worst_irq_latency, s->sequence);
	fprintf(out, "rt: %-15s %10s %10s %7s %9s %12s %10s\n", "task",
		"released", "completed", "misses", "overruns", "worst-ticks",
		"worst-us");
}

static void print_task(FILE *out, const struct wd_rt_task_stats *t, wd_u64 freq)
{
	char name[WD_RT_NAME_LEN];

	rt_stats_name(t->name, name);
	fprintf(out, "rt: %-15s %10llu %10llu %7llu %9llu %12llu %10.0f\n",
		name, t->released, t->completed, t->deadline_misses,
		t->overruns, t->worst_response,
		1e6 * ticks_to_seconds(t->worst_response, freq));
}

static void print_totals(FILE *out, const struct wd_rt_stats *s)
{
	wd_u64 released = 0, completed = 0, misses = 0, overruns = 0;
	unsigned int i;

	for (i = 0; i < s->count; i++) {
		released = add_saturated(released, s->task[i].released);
		completed = add_saturated(completed, s->task[i].completed);
		misses = add_saturated(misses, s->task[i].deadline_misses);
		overruns = add_saturated(overruns, s->task[i].overruns);
	}
	fprintf(out,
		"rt: total released %llu completed %llu misses %llu "
		"overruns %llu\n",
		released, completed, misses, overruns);
}

void rt_stats_print(FILE *out, const struct wd_rt_stats *s)
{
	unsigned int i;

	print_header(out, s);
	for (i = 0; i < s->count; i++)
		print_task(out, &s->task[i], s->timer_freq);
	print_totals(out, s);
}

static int show_copy(FILE *out, FILE *err, const struct wd_ioc_cell_rt_stats *r)
{
	char why[96];

	if (r->comm_signature != WD_COMM_SIGNATURE) {
		fprintf(err,
			"warden: comm page at 0x%llx has no comm "
			"signature: statistics not shown\n",
			(unsigned long long)r->comm_pa);
		return -1;
	}
	switch (rt_stats_check(&r->stats, why, sizeof(why))) {
	case RT_STATS_VALID:
		rt_stats_print(out, &r->stats);
		return 0;
	case RT_STATS_UNPUBLISHED:
		fprintf(out, "rt: no statistics published yet\n");
		return 0;
	default:
		fprintf(err, "warden: statistics block refused: %s\n", why);
		return -1;
	}
}

int rt_stats_show(FILE *out, FILE *err, const struct wd_ioc_cell_rt_stats *r)
{
	switch (r->status) {
	case WD_RT_STATS_NONE:
		return 0;
	case WD_RT_STATS_COPIED:
		return show_copy(out, err, r);
	case WD_RT_STATS_UNSTABLE:
		fprintf(err,
			"warden: statistics changed during every read "
			"(%u tries)\n",
			r->tries);
		return -1;
	default:
		fprintf(err, "warden: unknown statistics status %u\n",
			r->status);
		return -1;
	}
}
