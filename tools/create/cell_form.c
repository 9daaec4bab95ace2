// SPDX-License-Identifier: GPL-2.0
/* `warden config create --cell`: options, planning, checking, writing. */
#include <stdlib.h>
#include <string.h>

#include <wd/config_check.h>

#include "../check.h"
#include "../warden.h"
#include "cell.h"
#include "create.h"

static int take_opt(struct cell_opts *o, char **argv, int *i, int argc)
{
	const char *opt = argv[*i], *val = *i + 1 < argc ? argv[*i + 1] : NULL;

	if (*opt != '-') {
		if (o->num_inputs == 16)
			return -1;
		o->inputs[o->num_inputs++] = argv[*i];
		return 0;
	}
	if (!val)
		return -1;
	++*i;
	if (!strcmp(opt, "--cell") && strlen(val) < WD_NAME_LEN && *val)
		o->name = val;
	else if (!strcmp(opt, "-o"))
		o->out = val;
	else if (!strcmp(opt, "--dtb"))
		o->dtb = val;
	else if (!strcmp(opt, "--cpus"))
		return parse_size(val, &o->cpus);
	else if (!strcmp(opt, "--ram"))
		return parse_size(val, &o->ram);
	else if (!strcmp(opt, "--device") && o->num_devices < WD_MAX_DEVICES)
		o->devices[o->num_devices++] = val;
	else
		return -1;
	return 0;
}

static int parse_opts(int argc, char **argv, struct cell_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->dtb = "/sys/firmware/fdt";
	for (i = 1; i < argc; i++)
		if (take_opt(o, argv, &i, argc))
			return fail("bad or incomplete option '%s'",
				    argv[i - 1]);
	if (!o->name || !o->out || !o->num_inputs || !o->cpus || !o->ram)
		return fail("--cell NAME, --cpus N, --ram SIZE, SYS.cell and "
			    "-o FILE are needed");
	return 0;
}

/* Loads the inputs; each must have a sound layout of its kind. */
static int load(const struct cell_opts *o, struct blob *in)
{
	unsigned int i, kind;

	for (i = 0; i < o->num_inputs; i++) {
		if (blob_load(o->inputs[i], CONFIG_MAX_SIZE, &in[i]))
			return -1;
		kind = i ? WD_KIND_CELL : WD_KIND_SYSTEM;
		if (wd_check_layout(in[i].data, in[i].size, kind))
			return fail("%s: not a sound %s config (see `warden "
				    "config check`)",
				    o->inputs[i], i ? "cell" : "system");
	}
	return 0;
}

/* The new cell must pass the checker with the others: else no file. */
static int check_plan(const struct cell_opts *o, struct blob *in,
		      const struct cell_plan *p)
{
	char *paths[17];
	struct blob all[16];
	unsigned int n = o->num_inputs - 1, bad;

	memcpy(paths, o->inputs + 1, n * sizeof(*paths));
	memcpy(all, in + 1, n * sizeof(*all));
	paths[n] = (char *)o->out;
	all[n].data = cell_blob(o, p, &all[n].size);
	if (!all[n].data)
		return fail("out of memory");
	bad = check_configs(o->inputs[0], &in[0], paths, all, n + 1);
	free(all[n].data);
	return bad ? fail("the planned cell breaks %u rule(s): not written",
			  bad)
		   : 0;
}

static const struct cell_opts *job_opts;

static int emit_job(FILE *f, void *ctx)
{
	return emit_cell(f, job_opts, ctx);
}

static int plan(const struct cell_opts *o, struct blob *in)
{
	static struct cell_plan p;
	static struct used u;
	const struct wd_system *sys;

	memset(&p, 0, sizeof(p));
	if (plan_cpus(in, o->num_inputs, o->cpus, &p))
		return WARDEN_FAIL;
	collect_used(in, o->num_inputs, &u);
	sys = wd_config_system(in[0].data);
	if (plan_memory(sys, &u, o->ram, &p) ||
	    plan_devices(o, sys->console.phys, &p) || check_plan(o, in, &p))
		return WARDEN_FAIL;
	job_opts = o;
	return write_atomically(o->out, emit_job, &p);
}

int config_create_cell(int argc, char **argv)
{
	struct cell_opts o;
	struct blob in[16];
	unsigned int i;
	int ret;

	if (parse_opts(argc, argv, &o))
		return WARDEN_BAD_USAGE;
	memset(in, 0, sizeof(in));
	ret = load(&o, in) ? WARDEN_INPUT : plan(&o, in);
	for (i = 0; i < o.num_inputs; i++)
		blob_free(&in[i]);
	return ret;
}
