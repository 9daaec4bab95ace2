// SPDX-License-Identifier: GPL-2.0
/* `warden config create`, system form: a DTB to a commented C config. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../warden.h"
#include "create.h"

#define DEFAULT_HV_SIZE 0x1000000ull /* 16 MiB, as on QEMU virt */

/* Takes one option and its value at argv[*i]; -1 if unknown or bad. */
static int take_opt(struct create_opts *o, char **argv, int *i, int argc)
{
	const char *opt = argv[*i], *val = *i + 1 < argc ? argv[*i + 1] : NULL;
	wd_u64 n;

	if (!val)
		return -1;
	++*i;
	if (!strcmp(opt, "--dtb"))
		o->dtb = val;
	else if (!strcmp(opt, "-o"))
		o->out = val;
	else if (!strcmp(opt, "--console"))
		o->console = val;
	else if (!strcmp(opt, "--ram") && o->num_ram < DT_MAX_BANKS)
		return parse_range(val, &o->ram[o->num_ram++]);
	else if (!strcmp(opt, "--mem-reserve"))
		return parse_range(val, &o->reserve);
	else if (!strcmp(opt, "--hv-size"))
		return parse_size(val, &o->hv_size);
	else if (!strcmp(opt, "--num-irqs") && !parse_size(val, &n) &&
		 n <= 1024)
		o->num_irqs = n;
	else
		return -1;
	return 0;
}

static int parse_opts(int argc, char **argv, struct create_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->dtb = "/sys/firmware/fdt";
	o->hv_size = DEFAULT_HV_SIZE;
	o->argc = argc;
	o->argv = argv;
	for (i = 1; i < argc; i++)
		if (take_opt(o, argv, &i, argc))
			return fail("bad or incomplete option '%s'",
				    argv[i - 1]);
	if (!o->out)
		return fail("no output file: -o FILE");
	return 0;
}

static wd_u32 irq_count(const struct board *b, const struct create_opts *o)
{
	wd_u32 n = (b->max_spi / 32 + 1) * 32;

	if (o->num_irqs)
		return o->num_irqs;
	/* a lower bound, said so here and in the output's comment */
	fprintf(stderr,
		"warden: note: %u interrupt IDs from the DT's highest SPI "
		"(%u); "
		"the GIC may have more (GICD_TYPER): --num-irqs\n",
		n, b->max_spi);
	return n;
}

static int split(const struct board *b, const struct create_opts *o,
		 struct split *s)
{
	unsigned int i;

	s->hv = (struct range){b->warden.base + b->warden.size - o->hv_size,
			       o->hv_size};
	s->pool = (struct range){b->warden.base, b->warden.size - o->hv_size};
	for (i = 0; i < b->num_ram; i++)
		if (ranges_overlap(b->ram[i], b->warden))
			s->ram = b->ram[i];
	s->num_irqs = irq_count(b, o);
	if (s->num_irqs % 32 || s->num_irqs > 1024 || s->num_irqs <= b->max_spi)
		return fail("%u interrupt IDs: need a multiple of 32 up to "
			    "1024 above every SPI the DT uses (%u)",
			    s->num_irqs, b->max_spi);
	return 0;
}

struct sys_job {
	const struct board *b;
	const struct create_opts *o;
	const struct split *s;
	const struct root_map *m;
};

static int emit_job(FILE *f, void *ctx)
{
	const struct sys_job *j = ctx;

	emit_system(f, j->b, j->o, j->s, j->m);
	return 0;
}

static int create(const void *fdt, const struct create_opts *o)
{
	static struct board b;
	static struct root_map m;
	struct split s;
	struct sys_job job = {&b, o, &s, &m};

	if (dt_read_board(fdt, o, &b) || split(&b, o, &s) ||
	    root_map_build(&b, WD_MAX_MEM_REGIONS - b.num_links, &m))
		return WARDEN_FAIL;
	return write_atomically(o->out, emit_job, &job);
}

int config_create_system(int argc, char **argv)
{
	struct create_opts o;
	void *fdt;
	int ret;

	if (parse_opts(argc, argv, &o))
		return WARDEN_BAD_USAGE;
	fdt = dt_load(o.dtb);
	if (!fdt)
		return WARDEN_INPUT;
	ret = create(fdt, &o);
	free(fdt);
	return ret;
}
