// SPDX-License-Identifier: GPL-2.0
/*
 * tools/rt_stats.c: the root's reader of a cell's RTOS statistics. Each
 * rule of rt_stats_check() has a block that breaks it; names and sums
 * from a hostile cell stay printable and in range; rt_stats_show() says
 * nothing for a cell without statistics and refuses unstable copies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <warden/comm.h>

#include "rt_stats.h"

/* A plausible block: 2 s at 62.5 MHz, two tasks, 'b' overran once. */
static void good_block(struct wd_rt_stats *s)
{
	memset(s, 0, sizeof(*s));
	s->magic = WD_RT_STATS_MAGIC;
	s->revision = WD_RT_STATS_REVISION;
	s->sequence = 42;
	s->policy = WD_RT_EDF;
	s->count = 2;
	s->verdict = WD_RT_FEASIBLE;
	s->timer_freq = 62500000;
	s->start = 1000;
	s->now = 1000 + 125000000;
	s->idle = 25000000;
	strcpy(s->task[0].name, "ctrl");
	s->task[0].released = 401;
	s->task[0].completed = 400;
	s->task[0].worst_response = 62500;
	strcpy(s->task[1].name, "b");
	s->task[1].released = 51;
	s->task[1].completed = 38;
	s->task[1].overruns = 12;
}

static enum rt_stats_verdict check(const struct wd_rt_stats *s, char *why)
{
	return rt_stats_check(s, why, 96);
}

static void expect_invalid(const struct wd_rt_stats *s, const char *reason)
{
	char why[96] = "";

	assert_int_equal(check(s, why), RT_STATS_INVALID);
	if (!strstr(why, reason))
		fail_msg("reason '%s' does not contain '%s'", why, reason);
}

static void accepts_good_block(void **state)
{
	struct wd_rt_stats s;
	char why[96];

	(void)state;
	good_block(&s);
	assert_int_equal(check(&s, why), RT_STATS_VALID);
	s.policy = WD_RT_RM;
	s.count = WD_RT_MAX_TASKS;
	assert_int_equal(check(&s, why), RT_STATS_VALID);
}

static void unpublished_is_not_an_error(void **state)
{
	struct wd_rt_stats s;
	char why[96];

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(check(&s, why), RT_STATS_UNPUBLISHED);
}

static void refuses_header(void **state)
{
	struct wd_rt_stats s;

	(void)state;
	good_block(&s);
	s.magic = 0x1234;
	expect_invalid(&s, "bad magic");
	good_block(&s);
	s.revision = 2;
	expect_invalid(&s, "revision");
	good_block(&s);
	s.sequence = 43;
	expect_invalid(&s, "update in progress");
	good_block(&s);
	s.policy = 3;
	expect_invalid(&s, "policy");
	good_block(&s);
	s.count = 0;
	expect_invalid(&s, "task count");
	s.count = WD_RT_MAX_TASKS + 1;
	expect_invalid(&s, "task count");
	good_block(&s);
	s.verdict = WD_RT_INVALID + 1;
	expect_invalid(&s, "verdict");
	good_block(&s);
	s.timer_freq = 0;
	expect_invalid(&s, "timer frequency");
	s.timer_freq = RT_STATS_MAX_FREQ + 1;
	expect_invalid(&s, "timer frequency");
}

static void refuses_times(void **state)
{
	struct wd_rt_stats s;

	(void)state;
	good_block(&s);
	s.now = s.start - 1;
	expect_invalid(&s, "before the start");
	good_block(&s);
	s.idle = s.now - s.start + 1;
	expect_invalid(&s, "idle longer");
	s.idle = s.now - s.start; /* the boundary: never busy */
	assert_int_equal(check(&s, (char[96]){0}), RT_STATS_VALID);
}

static void refuses_task_counts(void **state)
{
	struct wd_rt_stats s;

	(void)state;
	good_block(&s);
	s.task[1].completed = 52;
	expect_invalid(&s, "task 1: more jobs completed than released");
	good_block(&s);
	s.task[1].overruns = 14;
	expect_invalid(&s, "task 1: more jobs completed or stopped");
	s.task[1].overruns = 13; /* the boundary: all 51 accounted for */
	assert_int_equal(check(&s, (char[96]){0}), RT_STATS_VALID);
	good_block(&s);
	s.task[0].deadline_misses = 402;
	expect_invalid(&s, "task 0: more deadline misses");
}

/* Slots past count are the cell's garbage: never looked at. */
static void ignores_unused_slots(void **state)
{
	struct wd_rt_stats s;

	(void)state;
	good_block(&s);
	s.task[2].completed = 99;
	assert_int_equal(check(&s, (char[96]){0}), RT_STATS_VALID);
}

static void sanitises_names(void **state)
{
	char raw[WD_RT_NAME_LEN], out[WD_RT_NAME_LEN];

	(void)state;
	memcpy(raw,
	       "a b\033[2J\xff"
	       "cdefghijklmnop",
	       WD_RT_NAME_LEN);
	rt_stats_name(raw, out);
	assert_string_equal(out, "a?b?[2J?cdefghi");
	memset(raw, 0, sizeof(raw));
	rt_stats_name(raw, out);
	assert_string_equal(out, "-");
}

/* The output of rt_stats_print() or rt_stats_show() as a string. */
struct capture {
	char *text;
	size_t size;
	FILE *f;
};

static void capture_open(struct capture *c)
{
	c->f = open_memstream(&c->text, &c->size);
	assert_non_null(c->f);
}

static void capture_close(struct capture *c)
{
	fclose(c->f);
}

static void prints_table_and_totals(void **state)
{
	struct wd_rt_stats s;
	struct capture c;

	(void)state;
	good_block(&s);
	capture_open(&c);
	rt_stats_print(c.f, &s);
	capture_close(&c);
	assert_non_null(strstr(c.text, "rt: EDF (feasible) t=2.000s busy "
				       "80.0% switches 0 irq-latency<=0 "
				       "sequence 42\n"));
	assert_non_null(strstr(c.text, "rt: ctrl "));
	assert_non_null(strstr(c.text, "1000\n")); /* 62500 ticks in us */
	assert_non_null(strstr(c.text, "rt: total released 452 completed "
				       "438 misses 0 overruns 12\n"));
	free(c.text);
}

static void totals_saturate(void **state)
{
	struct wd_rt_stats s;
	struct capture c;

	(void)state;
	good_block(&s);
	s.task[0].released = ~0ull;
	s.task[1].released = ~0ull;
	assert_int_equal(check(&s, (char[96]){0}), RT_STATS_VALID);
	capture_open(&c);
	rt_stats_print(c.f, &s);
	capture_close(&c);
	assert_non_null(strstr(c.text, "total released 18446744073709551615 "));
	free(c.text);
}

static int show(const struct wd_ioc_cell_rt_stats *r, char **out, char **err)
{
	struct capture o, e;
	int ret;

	capture_open(&o);
	capture_open(&e);
	ret = rt_stats_show(o.f, e.f, r);
	capture_close(&o);
	capture_close(&e);
	*out = o.text;
	*err = e.text;
	return ret;
}

static void copied(struct wd_ioc_cell_rt_stats *r)
{
	memset(r, 0, sizeof(*r));
	r->status = WD_RT_STATS_COPIED;
	r->comm_pa = 0x7effe000;
	r->comm_signature = WD_COMM_SIGNATURE;
	good_block(&r->stats);
}

static void show_cases(void **state)
{
	struct wd_ioc_cell_rt_stats r;
	char *out, *err;

	(void)state;
	memset(&r, 0, sizeof(r)); /* NONE: a cell without a task set */
	assert_int_equal(show(&r, &out, &err), 0);
	assert_string_equal(out, "");
	free(out), free(err);
	copied(&r);
	assert_int_equal(show(&r, &out, &err), 0);
	assert_non_null(strstr(out, "rt: total released 452"));
	free(out), free(err);
	memset(&r.stats, 0, sizeof(r.stats));
	assert_int_equal(show(&r, &out, &err), 0);
	assert_string_equal(out, "rt: no statistics published yet\n");
	free(out), free(err);
	copied(&r);
	r.comm_signature = 0;
	assert_int_equal(show(&r, &out, &err), -1);
	assert_non_null(strstr(err, "no comm signature"));
	free(out), free(err);
}

static void show_refusals(void **state)
{
	struct wd_ioc_cell_rt_stats r;
	char *out, *err;

	(void)state;
	copied(&r);
	r.stats.count = 9;
	assert_int_equal(show(&r, &out, &err), -1);
	assert_string_equal(out, "");
	assert_non_null(strstr(err, "statistics block refused: task count"));
	free(out), free(err);
	copied(&r);
	r.status = WD_RT_STATS_UNSTABLE;
	r.tries = 100;
	assert_int_equal(show(&r, &out, &err), -1);
	assert_non_null(strstr(err, "changed during every read (100 tries)"));
	free(out), free(err);
	r.status = 7;
	assert_int_equal(show(&r, &out, &err), -1);
	assert_non_null(strstr(err, "unknown statistics status 7"));
	free(out), free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_good_block),
		cmocka_unit_test(unpublished_is_not_an_error),
		cmocka_unit_test(refuses_header),
		cmocka_unit_test(refuses_times),
		cmocka_unit_test(refuses_task_counts),
		cmocka_unit_test(ignores_unused_slots),
		cmocka_unit_test(sanitises_names),
		cmocka_unit_test(prints_table_and_totals),
		cmocka_unit_test(totals_saturate),
		cmocka_unit_test(show_cases),
		cmocka_unit_test(show_refusals),
	};

	return cmocka_run_group_tests_name("rt_stats", tests, NULL, NULL);
}
