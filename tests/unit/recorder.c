// SPDX-License-Identifier: GPL-2.0
/* Violation recorder for the checker's unit tests: see recorder.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <config_text.h>

#include "recorder.h"

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

/*
 * With WARDEN_TEST_MSGLOG=FILE every message is appended to FILE: the
 * messages golden test (tests/unit/messages.sh) compares the text of all
 * of them, not only the part a test asserts on.
 */
static void log_message(const char *cell, const char *field, int index,
			const char *reason)
{
	const char *path = getenv("WARDEN_TEST_MSGLOG");
	FILE *f = path ? fopen(path, "a") : NULL;

	if (!f)
		return;
	fprintf(f, "%s %s[%d]: %s\n", cell ? cell : "-", field, index, reason);
	fclose(f);
}

/* Records the text the tools print (lib/config_text/). */
static void record(void *ctx, const struct wd_violation *wv)
{
	const char *cell = wv->cell, *field = wv->field;
	struct recorder *r = ctx;
	struct rec_violation *v;
	char reason[WD_VIOLATION_TEXT_MAX];
	int index = wv->index;

	wd_violation_text(reason, sizeof(reason), wv);
	log_message(cell, field, index, reason);
	if (r->n == REC_MAX)
		return;
	v = &r->v[r->n++];
	v->subject = r->report.subject;
	v->has_cell = cell != NULL;
	copy(v->cell, sizeof(v->cell), cell ? cell : "");
	copy(v->field, sizeof(v->field), field);
	v->index = index;
	copy(v->reason, sizeof(v->reason), reason);
}

void rec_init(struct recorder *r)
{
	memset(r, 0, sizeof(*r));
	r->report.violation = record;
	r->report.ctx = r;
}

void rec_dump(const struct recorder *r)
{
	unsigned int i;

	fprintf(stderr, "recorded %u violation(s):\n", r->report.count);
	for (i = 0; i < r->n; i++)
		fprintf(stderr, "  [%d] cell '%s': %s[%d]: %s\n",
			r->v[i].subject, r->v[i].cell, r->v[i].field,
			r->v[i].index, r->v[i].reason);
}

int rec_has(const struct recorder *r, const char *field, int index,
	    const char *part)
{
	unsigned int i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].field, field) &&
		    (index == -2 || r->v[i].index == index) &&
		    strstr(r->v[i].reason, part))
			return 1;
	fprintf(stderr, "missing violation %s[%d] containing '%s'\n", field,
		index, part);
	rec_dump(r);
	return 0;
}

unsigned int rec_count_subject(const struct recorder *r, int subject)
{
	unsigned int i, n = 0;

	for (i = 0; i < r->n; i++)
		n += r->v[i].subject == subject;
	return n;
}

void rec_run(struct recorder *r, const struct scenario *s)
{
	struct tb_blob sys = tb_build_system(&s->system);
	struct tb_blob cells[TB_MAX_CELLS];
	struct wd_blob set[TB_MAX_CELLS];
	unsigned int i;

	wd_check_system(sys.data, sys.size, &r->report);
	for (i = 0; i < s->num_cells; i++) {
		cells[i] = tb_build_cell(&s->cells[i]);
		wd_check_cell(cells[i].data, cells[i].size, &r->report);
		set[i] = (struct wd_blob){cells[i].data, cells[i].size};
	}
	wd_check_set(&(struct wd_blob){sys.data, sys.size}, set, s->num_cells,
		     &r->report);
	for (i = 0; i < s->num_cells; i++)
		tb_blob_free(&cells[i]);
	tb_blob_free(&sys);
}
