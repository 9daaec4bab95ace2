// SPDX-License-Identifier: GPL-2.0
/* Writing a system config as commented C (`warden config create`). */
#include <stdio.h>

#include "create.h"

#define X(v) ((unsigned long long)(v))

static void emit_head(FILE *f, const struct board *b,
		      const struct create_opts *o, wd_u32 num_irqs)
{
	unsigned int i;

	fprintf(f,
		"/* SPDX-License-Identifier: GPL-2.0 */\n/*\n"
		" * System config made by `warden config create` from %s:\n"
		" *   warden config",
		o->dtb);
	for (i = 0; i < (unsigned int)o->argc; i++)
		fprintf(f, " %s", o->argv[i]);
	fprintf(f, "\n * Review it before use: every value below comes from "
		   "the DT or\n * the command line, as each comment says.\n");
	for (i = 0; i < b->num_ram; i++)
		fprintf(f, " *   RAM bank 0x%llx-0x%llx (%s)\n",
			X(b->ram[i].base),
			X(b->ram[i].base + b->ram[i].size - 1), b->ram_node);
	fprintf(f,
		" *   Warden's memory 0x%llx-0x%llx (%s): cell pool, then "
		"the\n *   hypervisor's top 0x%llx bytes\n",
		X(b->warden.base), X(b->warden.base + b->warden.size - 1),
		b->warden_src, X(o->hv_size));
	fprintf(f, " *   GICv%d %s (\"%s\"), %u interrupt IDs (%s)\n",
		b->gic_version, b->gic_path, b->gic_compat, num_irqs,
		o->num_irqs ? "--num-irqs"
			    : "the DT's highest SPI rounded up: the GIC may "
			      "have more");
	fprintf(f, " *   console: %s\n */\n#include <warden/config.h>\n\n",
		b->console ? b->console_path : "none");
}

static void emit_struct(FILE *f, unsigned int num_mem, int link)
{
	fprintf(f,
		"static const struct {\n\tstruct wd_header hdr;\n"
		"\tstruct wd_system sys;\n\tstruct wd_cell root;\n"
		"\tstruct wd_mem_region mem[%u];\n\tstruct wd_device "
		"dev[0];\n\tstruct wd_link links[%d];\n\twd_u32 irqs[0];\n"
		"} config WD_CONFIG_SECTION = {\n"
		"\t.hdr = WD_HEADER(WD_ARCH_ARM64, WD_KIND_SYSTEM, "
		"config),\n",
		num_mem, link);
}

static void emit_range(FILE *f, const char *name, struct range r)
{
	fprintf(f, "\t\t.%s = {.start = 0x%llx, .size = 0x%llx},\n", name,
		X(r.base), X(r.size));
}

static void emit_gic(FILE *f, const struct board *b, wd_u32 num_irqs)
{
	unsigned int i;

	fprintf(f,
		"\t\t\t.arm64 = {\n\t\t\t\t.gic_version = %d,\n"
		"\t\t\t\t.num_irqs = %u,\n\t\t\t\t.gicd_base = 0x%llx,\n",
		b->gic_version, num_irqs, X(b->gicd));
	if (b->gic_version == 3)
		fprintf(f, "\t\t\t\t.gicr_base = 0x%llx,\n", X(b->gicr));
	if (b->gic_version == 3 && b->gits)
		fprintf(f, "\t\t\t\t.gits_base = 0x%llx,\n", X(b->gits));
	else
		fprintf(f,
			"\t\t\t\t.gicc_base = 0x%llx,\n\t\t\t\t.gich_base"
			" = 0x%llx,\n\t\t\t\t.gicv_base = 0x%llx,\n",
			X(b->gicc), X(b->gich), X(b->gicv));
	fprintf(f,
		"\t\t\t\t.maint_irq = %u,\n\t\t\t\t/* reg of each "
		"/cpus node */\n\t\t\t\t.mpidr = {",
		b->maint_irq);
	for (i = 0; i < b->num_cpus; i++)
		fprintf(f, "%s0x%llx", i ? ", " : "", X(b->mpidr[i]));
	fprintf(f, "},\n");
	if (b->num_aarch32 == b->num_cpus)
		fprintf(f, "\t\t\t\t/* every core runs AArch32 at EL1 (its "
			   "compatible) */\n\t\t\t\t.features = "
			   "WD_ARM64_AARCH32_EL1,\n");
	fprintf(f, "\t\t\t},\n");
}

static void emit_sys(FILE *f, const struct board *b, const struct split *s,
		     wd_u32 num_irqs)
{
	fprintf(f, "\t.sys = {\n");
	emit_range(f, "hypervisor", s->hv);
	emit_range(f, "cell_pool", s->pool);
	emit_range(f, "ram", s->ram);
	if (b->console)
		fprintf(f,
			"\t\t/* %s */\n\t\t.console = {.phys = 0x%llx, "
			".type = WD_CONSOLE_PL011},\n",
			b->console_path, X(b->console));
	fprintf(f,
		"\t\t.platform = {\n\t\t\t.num_cpus = %u,\n"
		"\t\t\t/* llc_way_size 0: Warden reads CCSIDR */\n",
		b->num_cpus);
	emit_gic(f, b, num_irqs);
	fprintf(f, "\t\t},\n\t},\n");
}

static void emit_region(FILE *f, const struct map_region *r, const char *flags)
{
	fprintf(f,
		"\t\t/* %s%s */\n\t\t{.phys_start = 0x%llx, .virt_start = "
		"0x%llx,\n\t\t .size = 0x%llx,\n\t\t .flags = %s},\n",
		r->note, r->num_devs > 3 ? ", ..." : "", X(r->r.base),
		X(r->r.base), X(r->r.size), flags);
}

static void emit_mem(FILE *f, const struct board *b, const struct root_map *m)
{
	struct map_region shm;
	unsigned int i;

	fprintf(f, "\t.mem = {\n");
	for (i = 0; i < m->num_ram; i++)
		emit_region(f, &m->ram[i],
			    "WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC");
	for (i = 0; i < m->num_io; i++)
		emit_region(f, &m->io[i],
			    "WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO");
	for (i = 0; i < b->num_links; i++) {
		shm = (struct map_region){.r = b->links[i].mem};
		snprintf(shm.note, NOTE_LEN,
			 "link %u's memory (warden,ivshmem)", b->links[i].id);
		emit_region(f, &shm,
			    "WD_MEM_READ | WD_MEM_WRITE | "
			    "WD_MEM_SHARED");
	}
	fprintf(f, "\t},\n");
}

/* The links' regions are the last num_links of mem[]. */
static void emit_links(FILE *f, const struct board *b, unsigned int num_mem)
{
	unsigned int i, first = num_mem - b->num_links;

	if (!b->num_links)
		return;
	fprintf(f, "\t.links = {\n");
	for (i = 0; i < b->num_links; i++)
		fprintf(f,
			"\t\t{.id = %u, .mem_index = %u, "
			".doorbell_irq = %u},\n",
			b->links[i].id, first + i, b->links[i].irq);
	fprintf(f, "\t},\n");
}

void emit_system(FILE *f, const struct board *b, const struct create_opts *o,
		 const struct split *s, const struct root_map *m)
{
	unsigned int num_mem = m->num_ram + m->num_io + b->num_links;

	emit_head(f, b, o, s->num_irqs);
	emit_struct(f, num_mem, (int)b->num_links);
	emit_sys(f, b, s, s->num_irqs);
	fprintf(f,
		"\t.root = {\n\t\t.name = \"root\",\n"
		"\t\t.num_mem_regions = WD_ARRAY_SIZE(config.mem),\n"
		"\t\t.num_links = WD_ARRAY_SIZE(config.links),\n"
		"\t\t.cpu_set = 0x%llxull,\n\t},\n",
		X(b->num_cpus == 64 ? ~0ull : (1ull << b->num_cpus) - 1));
	emit_mem(f, b, m);
	emit_links(f, b, num_mem);
	fprintf(f, "};\n");
}
