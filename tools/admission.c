// SPDX-License-Identifier: GPL-2.0
/*
 * Admission control: a cell config that carries a real-time task set
 * (WD_CELL_RT_TASKSET) is admitted only if the task set is schedulable
 * under its policy (lib/rt_analysis/analysis.c: EDF processor demand, RM
 * response-time analysis). Warden itself checks only the set's format.
 */
#include <stdio.h>
#include <string.h>

#include <warden/config.h>
#include <warden/rtos.h>
#include <wd/config_check.h>

#include <rt_analysis.h>

#include "check.h"

int admission_bypassed;

static const char *policy_name(wd_u32 policy)
{
	return policy == WD_RT_EDF ? "EDF" : "RM";
}

/* Analyses one cell's task set; returns 1 when it is refused. */
static unsigned int admit_cell(const char *path, const struct wd_cell *c)
{
	const struct wd_rt_taskset *ts = wd_cell_rt_taskset(c);
	struct wd_rt_taskset copy;
	struct rt_analysis a;
	char name[WD_NAME_LEN];

	if (!ts)
		return 0;
	memcpy(&copy, ts, sizeof(copy)); /* the analysis wants a stable copy */
	memcpy(name, c->name, sizeof(name));
	name[sizeof(name) - 1] = '\0';
	if (rt_analyse(&copy, &a) == WD_RT_FEASIBLE) {
		fprintf(stderr,
			"%s: cell '%s': rt_taskset: admitted (%s, %s)\n", path,
			name, policy_name(copy.policy), a.test);
		return 0;
	}
	printf("%s: cell '%s': rt_taskset: not schedulable under %s: %s%s\n",
	       path, name, policy_name(copy.policy), a.reason,
	       admission_bypassed ? " (admitted anyway: --no-admission)" : "");
	return admission_bypassed ? 0 : 1;
}

unsigned int check_admission(char *const *paths, const struct blob *cells,
			     unsigned int n)
{
	unsigned int i, refused = 0;

	for (i = 0; i < n; i++)
		if (!wd_check_layout(cells[i].data, cells[i].size,
				     WD_KIND_CELL))
			refused += admit_cell(paths[i],
					      wd_config_cell(cells[i].data));
	return refused;
}

int take_no_admission_flag(int argc, char **argv)
{
	int i, kept = 0;

	for (i = 0; i < argc; i++) {
		if (i && !strcmp(argv[i], "--no-admission"))
			admission_bypassed = 1;
		else
			argv[kept++] = argv[i];
	}
	return kept;
}
