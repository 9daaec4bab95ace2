/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Records the checker's violations so that a test can assert on them, and
 * runs a scenario through the checks the way the CLI does.
 */
#ifndef TESTS_RECORDER_H
#define TESTS_RECORDER_H

#include <wd/config_check.h>

#include "builder.h"

#define REC_MAX 256

struct rec_violation {
	int subject;
	int has_cell;
	char cell[WD_NAME_LEN];
	char field[48];
	int index;
	char reason[256];
};

struct recorder {
	struct wd_check_report report;
	unsigned int n;
	struct rec_violation v[REC_MAX];
};

void rec_init(struct recorder *r);
/* Prints what was recorded (a failing test shows it). */
void rec_dump(const struct recorder *r);
/*
 * 1 if a violation of field[index] whose reason contains part was
 * recorded (index -2: any index); otherwise dumps and returns 0.
 */
int rec_has(const struct recorder *r, const char *field, int index,
	    const char *part);
/* Number of violations about the given subject. */
unsigned int rec_count_subject(const struct recorder *r, int subject);

/* wd_check_system, wd_check_cell on each cell, then wd_check_set. */
void rec_run(struct recorder *r, const struct scenario *s);

#define assert_violation(rec, field, index, part) \
	assert_true(rec_has((rec), (field), (index), (part)))
#define assert_clean(rec)                                 \
	do {                                              \
		if ((rec)->report.count)                  \
			rec_dump(rec);                    \
		assert_int_equal((rec)->report.count, 0); \
	} while (0)

#endif
