// SPDX-License-Identifier: GPL-2.0
/* Printing the checker's violations against file names: see check.h. */
#include <stdio.h>
#include <stdlib.h>

#include <config_text.h>
#include <wd/config_check.h>

#include "check.h"

struct printer {
	struct wd_check_report report;
	const char *single; /* file of a single-blob check, or NULL */
	const char *system; /* files of a set check */
	char *const *cells;
};

/* The checker tells which blob a violation is about; map it to a file. */
static const char *printer_file(const struct printer *p)
{
	if (p->single)
		return p->single;
	if (p->report.subject == WD_CHECK_SYSTEM)
		return p->system;
	return p->cells[p->report.subject];
}

static void print_violation(void *ctx, const struct wd_violation *v)
{
	const struct printer *p = ctx;
	char reason[WD_VIOLATION_TEXT_MAX];

	wd_violation_text(reason, sizeof(reason), v);
	printf("%s: ", printer_file(p));
	if (v->cell)
		printf("cell '%s': ", v->cell);
	if (v->index >= 0)
		printf("%s[%d]: %s\n", v->field, v->index, reason);
	else
		printf("%s: %s\n", v->field, reason);
}

static void check_cells_alone(struct printer *p, char *const *paths,
			      const struct blob *cells, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		p->single = paths[i];
		wd_check_cell(cells[i].data, cells[i].size, &p->report);
	}
	p->single = NULL;
}

/* Keeps the cells whose layout is sound (the others were reported). */
static unsigned int sound_cells(char *const *all_paths,
				const struct blob *cells, unsigned int n,
				struct wd_blob *set, char **paths)
{
	unsigned int i, kept = 0;

	for (i = 0; i < n; i++) {
		if (wd_check_layout(cells[i].data, cells[i].size, WD_KIND_CELL))
			continue;
		set[kept] = (struct wd_blob){cells[i].data, cells[i].size};
		paths[kept++] = all_paths[i];
	}
	return kept;
}

static void check_together(struct printer *p, const struct blob *system,
			   const struct blob *cells, unsigned int n)
{
	struct wd_blob sys = {system->data, system->size};
	struct wd_blob *set = calloc(n + 1, sizeof(*set));
	char **paths = calloc(n + 1, sizeof(*paths));
	char *const *all_paths = p->cells;

	if (set && paths) {
		p->cells = paths;
		wd_check_set(&sys, set,
			     sound_cells(all_paths, cells, n, set, paths),
			     &p->report);
		p->cells = all_paths;
	} else {
		p->report.count++;
		printf("%s: out of memory: cells not checked together\n",
		       p->system);
	}
	free(set);
	free(paths);
}

unsigned int check_configs(const char *system_path, const struct blob *system,
			   char *const *cell_paths, const struct blob *cells,
			   unsigned int num_cells)
{
	struct printer p = {.report = {.violation = print_violation},
			    .system = system_path,
			    .cells = cell_paths};

	p.report.ctx = &p;
	if (system) {
		p.single = system_path;
		wd_check_system(system->data, system->size, &p.report);
		p.single = NULL;
	}
	check_cells_alone(&p, cell_paths, cells, num_cells);
	if (system &&
	    !wd_check_layout(system->data, system->size, WD_KIND_SYSTEM))
		check_together(&p, system, cells, num_cells);
	return p.report.count + check_admission(cell_paths, cells, num_cells);
}
