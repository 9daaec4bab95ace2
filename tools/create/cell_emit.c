// SPDX-License-Identifier: GPL-2.0
/* A planned cell as a blob (to check it) and as commented C. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"

#define X(v) ((unsigned long long)(v))

void *cell_blob(const struct cell_opts *o, const struct cell_plan *p,
		size_t *size)
{
	size_t mem = sizeof(p->mem), dev = p->num_devices * sizeof(p->dev[0]);
	struct wd_header h = {WD_CONFIG_MAGIC, WD_CONFIG_REVISION, WD_KIND_CELL,
			      0, WD_ARCH_ARM64};
	struct wd_cell c = {.num_mem_regions = 2,
			    .num_devices = p->num_devices,
			    .cpu_set = p->cpu_set,
			    .entry = CELL_GUEST_RAM};
	unsigned char *b;

	*size = sizeof(h) + sizeof(c) + mem + dev;
	b = calloc(1, *size); /* malloc alignment suits the checker */
	if (!b)
		return NULL;
	h.total_size = *size;
	snprintf(c.name, sizeof(c.name), "%s", o->name);
	memcpy(b, &h, sizeof(h));
	memcpy(b + sizeof(h), &c, sizeof(c));
	memcpy(b + sizeof(h) + sizeof(c), p->mem, mem);
	memcpy(b + sizeof(h) + sizeof(c) + mem, p->dev, dev);
	return b;
}

static void emit_mem(FILE *f, const struct wd_mem_region *m, const char *what,
		     const char *flags)
{
	fprintf(f,
		"\t\t/* %s */\n\t\t{.phys_start = 0x%llx, .virt_start = "
		"0x%llx,\n\t\t .size = 0x%llx,\n\t\t .flags = %s},\n",
		what, X(m->phys_start), X(m->virt_start), X(m->size), flags);
}

static void emit_devices(FILE *f, const struct cell_plan *p)
{
	const struct wd_device *d;
	unsigned int i;

	if (!p->num_devices)
		return;
	fprintf(f, "\t/* 1:1; Warden takes them from the root at create */\n"
		   "\t.dev = {\n");
	for (i = 0; i < p->num_devices; i++) {
		d = &p->dev[i];
		fprintf(f,
			"\t\t/* %s */\n\t\t{.name = \"%s\", .mmio_start = "
			"0x%llx,\n\t\t .mmio_size = 0x%llx, .irq = %u},\n",
			p->dev_path[i], d->name, X(d->mmio_start),
			X(d->mmio_size), d->irq);
	}
	fprintf(f, "\t},\n");
}

int emit_cell(FILE *f, const struct cell_opts *o, const struct cell_plan *p)
{
	fprintf(f,
		"/* SPDX-License-Identifier: GPL-2.0 */\n/*\n * Cell "
		"config made by `warden config create --cell` against\n"
		" * %s: free CPUs and cell-pool memory, the inmates'\n"
		" * guest-physical map (RAM 0x%llx, comm 0x%llx).\n */\n"
		"#include <warden/config.h>\n\nstatic const struct {\n"
		"\tstruct wd_header hdr;\n\tstruct wd_cell cell;\n"
		"\tstruct wd_mem_region mem[2];\n\tstruct wd_device "
		"dev[%u];\n\twd_u32 irqs[0];\n} config WD_CONFIG_SECTION = "
		"{\n\t.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_CELL, config),"
		"\n\t.cell = {\n\t\t.name = \"%s\",\n"
		"\t\t.num_mem_regions = WD_ARRAY_SIZE(config.mem),\n"
		"\t\t.num_devices = WD_ARRAY_SIZE(config.dev),\n"
		"\t\t.cpu_set = 0x%llxull,\n\t\t.entry = 0x%llx,\n\t},\n"
		"\t.mem = {\n",
		o->inputs[0], X(CELL_GUEST_RAM), X(CELL_GUEST_COMM),
		p->num_devices, o->name, X(p->cpu_set), X(CELL_GUEST_RAM));
	emit_mem(f, &p->mem[0], "RAM, from the cell pool",
		 "WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC | WD_MEM_LOADABLE");
	emit_mem(f, &p->mem[1], "comm region: the pool's last free page",
		 "WD_MEM_READ | WD_MEM_WRITE | WD_MEM_COMM");
	fprintf(f, "\t},\n");
	emit_devices(f, p);
	fprintf(f, "};\n");
	return 0;
}
