/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Table-driven rule tests: each case edits the valid base scenario (see
 * builder.h) and states the violation the checker must report, or that
 * the edited scenario must still pass.
 */
#ifndef TESTS_RULE_CASES_H
#define TESTS_RULE_CASES_H

#include <stddef.h>

#include "builder.h"

#define ANY_INDEX (-2)

struct rule_case {
	const char *name;
	unsigned int gic; /* GIC version of the base scenario */
	void (*edit)(struct scenario *s);
	const char *field; /* NULL: the scenario must pass every check */
	int index;
	const char *reason; /* a part of the reason */
};

#define CASE_NAME(edit) #edit
#define BAD(edit, field, index, reason)                                \
	{                                                              \
		CASE_NAME(edit), WD_GIC_V3, edit, field, index, reason \
	}
#define BAD_V2(edit, field, index, reason)                             \
	{                                                              \
		CASE_NAME(edit), WD_GIC_V2, edit, field, index, reason \
	}
#define OK(edit)                                                \
	{                                                       \
		CASE_NAME(edit), WD_GIC_V3, edit, NULL, 0, NULL \
	}
#define OK_V2(edit)                                             \
	{                                                       \
		CASE_NAME(edit), WD_GIC_V2, edit, NULL, 0, NULL \
	}

/* Runs every case as a cmocka test; returns the number that failed. */
int run_rule_cases(const char *group, const struct rule_case *cases, size_t n);

#endif
