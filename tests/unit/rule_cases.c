// SPDX-License-Identifier: GPL-2.0
/* Runs a table of rule cases as cmocka tests: see rule_cases.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "recorder.h"
#include "rule_cases.h"

static void run_case(void **state)
{
	const struct rule_case *c = *state;
	static struct scenario s;
	static struct recorder rec;

	tb_scenario_init(&s, c->gic);
	c->edit(&s);
	rec_init(&rec);
	rec_run(&rec, &s);
	if (getenv("WARDEN_TEST_DUMP")) /* to read the messages */
		rec_dump(&rec);
	if (c->field)
		assert_violation(&rec, c->field, c->index, c->reason);
	else
		assert_clean(&rec);
}

int run_rule_cases(const char *group, const struct rule_case *cases, size_t n)
{
	struct CMUnitTest *tests = calloc(n, sizeof(*tests));
	size_t i;
	int failed;

	if (!tests)
		return 1;
	for (i = 0; i < n; i++) {
		tests[i].name = cases[i].name;
		tests[i].test_func = run_case;
		tests[i].initial_state = (void *)&cases[i];
	}
	failed = _cmocka_run_group_tests(group, tests, n, NULL, NULL);
	free(tests);
	return failed;
}
