// SPDX-License-Identifier: GPL-2.0
/* The CPUs and the GIC a device tree describes. */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "../warden.h"
#include "dt.h"

static const char *const gic_v2[] = {"arm,gic-400", "arm,cortex-a15-gic",
				     "arm,cortex-a9-gic", "arm,cortex-a7-gic",
				     NULL};

/*
 * Cores that run AArch32 at EL1 (their TRMs: ID_AA64PFR0_EL1.EL1 = 2).
 * Cortex-A76 and later run AArch32 at EL0 only: not listed.
 */
static const char *const aarch32_el1[] = {
	"arm,cortex-a35", "arm,cortex-a53", "arm,cortex-a55", "arm,cortex-a57",
	"arm,cortex-a72", "arm,cortex-a73", "arm,cortex-a75", NULL};

static int has_aarch32_el1(const void *fdt, int node)
{
	unsigned int i;

	for (i = 0; aarch32_el1[i]; i++)
		if (!fdt_node_check_compatible(fdt, node, aarch32_el1[i]))
			return 1;
	return 0;
}

static int add_cpu(const void *fdt, int node, int cells, struct board *b)
{
	char path[DT_PATH_LEN];
	const void *reg;
	int len;

	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len != cells * 4 || cells < 1 || cells > 2)
		return fail("%s: no usable reg (the CPU's MPIDR)",
			    dt_path(fdt, node, path)),
		       -1;
	if (b->num_cpus == WD_MAX_CPUS)
		return fail("%s: more than %d CPUs", dt_path(fdt, node, path),
			    WD_MAX_CPUS),
		       -1;
	/* Aff3 sits at bits 32-39 of the reg value as of the MPIDR */
	b->mpidr[b->num_cpus++] = dt_cells(reg, cells) & 0xff00ffffffull;
	b->num_aarch32 += has_aarch32_el1(fdt, node);
	return 0;
}

int dt_read_cpus(const void *fdt, struct board *b)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node;
	int cells = fdt_address_cells(fdt, cpus);

	if (cpus < 0)
		return fail("/cpus: no such node: the DT describes no CPU"), -1;
	fdt_for_each_subnode(node, fdt,
			     cpus) if (dt_is_type(fdt, node, "cpu") &&
				       add_cpu(fdt, node, cells, b)) return -1;
	if (!b->num_cpus)
		return fail("/cpus: no node with device_type \"cpu\""), -1;
	return 0;
}

static int gic_kind(const void *fdt, int node)
{
	int i;

	if (!fdt_node_check_compatible(fdt, node, "arm,gic-v3"))
		return 3;
	for (i = 0; gic_v2[i]; i++)
		if (!fdt_node_check_compatible(fdt, node, gic_v2[i]))
			return 2;
	return 0;
}

/* reg[i] of the GIC node into *base; fails naming the frame. */
static int gic_frame(const void *fdt, struct board *b, int i, const char *name,
		     wd_u64 *base)
{
	struct range r;

	if (dt_reg(fdt, b->gic_node, i, &r))
		return fail("%s: no reg entry %d (the %s): Warden needs it",
			    b->gic_path, i, name),
		       -1;
	*base = r.base;
	if (i == 1 && b->gic_version == 3)
		b->gicr_size = r.size;
	return 0;
}

/*
 * A GICv2 CPU interface (8 KiB) given as 128 KiB is wired with each
 * 4 KiB page repeated over 64 KiB (ZynqMP): the two pages are contiguous
 * only at +0xf000, where Warden must map them (Linux's GIC driver reads
 * the DT the same way).
 */
static wd_u64 alias_offset(const void *fdt, int gic, int index)
{
	struct range r;

	return !dt_reg(fdt, gic, index, &r) && r.size == 0x20000 ? 0xf000 : 0;
}

/* The first ITS under the GIC: Warden traps its control frame. */
static void gic_its(const void *fdt, struct board *b)
{
	struct range r;
	int n;

	for (n = fdt_first_subnode(fdt, b->gic_node); n >= 0;
	     n = fdt_next_subnode(fdt, n))
		if (!fdt_node_check_compatible(fdt, n, "arm,gic-v3-its") &&
		    !dt_reg(fdt, n, 0, &r)) {
			b->gits = r.base;
			return;
		}
}

static int gic_frames(const void *fdt, struct board *b)
{
	if (gic_frame(fdt, b, 0, "distributor", &b->gicd))
		return -1;
	if (b->gic_version == 3) {
		gic_its(fdt, b);
		return gic_frame(fdt, b, 1, "redistributors", &b->gicr);
	}
	if (gic_frame(fdt, b, 1, "CPU interface", &b->gicc) ||
	    gic_frame(fdt, b, 2, "virtualisation control interface",
		      &b->gich) ||
	    gic_frame(fdt, b, 3, "virtual CPU interface", &b->gicv))
		return -1;
	b->gicc += alias_offset(fdt, b->gic_node, 1);
	b->gicv += alias_offset(fdt, b->gic_node, 3);
	return 0;
}

static int gic_maint(const void *fdt, struct board *b)
{
	const void *p;
	int len;

	p = fdt_getprop(fdt, b->gic_node, "interrupts", &len);
	if (!p || len < 12 || dt_cells(p, 1) != 1 || dt_cells(p + 4, 1) > 15)
		return fail("%s: no maintenance interrupt (a PPI in "
			    "\"interrupts\"): Warden needs it",
			    b->gic_path),
		       -1;
	b->maint_irq = dt_cells(p + 4, 1) + 16;
	if (b->gic_version == 3 && b->gicr_size < b->num_cpus * 0x20000ull)
		return fail("%s: redistributor frame 0x%llx is smaller than "
			    "%u CPUs x 128 KiB",
			    b->gic_path, (unsigned long long)b->gicr_size,
			    b->num_cpus),
		       -1;
	return 0;
}

/*
 * With no interrupt-parent at the root (ZynqMP's DTs name it per bus),
 * the GIC is the one interrupt controller of a known GIC kind, if there
 * is exactly one.
 */
static int only_gic(const void *fdt)
{
	int node, found = -1, n = 0;

	for (node = fdt_next_node(fdt, 0, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		if (fdt_getprop(fdt, node, "interrupt-controller", NULL) &&
		    gic_kind(fdt, node) && dt_is_okay(fdt, node)) {
			found = node;
			n++;
		}
	return n == 1 ? found : -1;
}

int dt_find_gic(const void *fdt, struct board *b)
{
	const char *compat;

	b->gic_node = dt_interrupt_parent(fdt, 0);
	if (b->gic_node < 0)
		b->gic_node = only_gic(fdt);
	if (b->gic_node < 0)
		return fail("/: no interrupt-parent, and not exactly one GIC "
			    "node: cannot tell Warden's GIC");
	dt_path(fdt, b->gic_node, b->gic_path);
	compat = dt_string(fdt, b->gic_node, "compatible");
	snprintf(b->gic_compat, sizeof(b->gic_compat), "%s",
		 compat ? compat : "");
	b->gic_version = gic_kind(fdt, b->gic_node);
	if (!b->gic_version)
		return fail("%s: interrupt controller \"%s\" is not a GIC "
			    "Warden knows (GICv2: arm,gic-400, GICv3: "
			    "arm,gic-v3)",
			    b->gic_path, b->gic_compat),
		       -1;
	return 0;
}

int dt_read_gic(const void *fdt, struct board *b)
{
	if (dt_find_gic(fdt, b))
		return -1;
	return gic_frames(fdt, b) || gic_maint(fdt, b) ? -1 : 0;
}
