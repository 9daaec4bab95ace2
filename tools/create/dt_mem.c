// SPDX-License-Identifier: GPL-2.0
/* RAM banks and Warden's reserved memory from a device tree. */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "../warden.h"
#include "dt.h"

static int add_bank(struct board *b, struct range r, const char *path)
{
	if (!r.size)
		return 0;
	if (b->num_ram == DT_MAX_BANKS)
		return fail("%s: more than %d RAM banks", path, DT_MAX_BANKS);
	b->ram[b->num_ram++] = r;
	return 0;
}

static int memory_node(const void *fdt, int node, struct board *b)
{
	struct range r;
	int i;

	dt_path(fdt, node, b->ram_node);
	for (i = 0; !dt_reg(fdt, node, i, &r); i++)
		if (add_bank(b, r, b->ram_node))
			return -1;
	return 0;
}

int dt_read_ram(const void *fdt, const struct create_opts *o, struct board *b)
{
	int node;

	if (o->num_ram) {
		memcpy(b->ram, o->ram, sizeof(b->ram));
		b->num_ram = o->num_ram;
		strcpy(b->ram_node, "--ram");
		return 0;
	}
	for (node = fdt_next_node(fdt, 0, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		if (dt_is_type(fdt, node, "memory") && dt_is_okay(fdt, node) &&
		    memory_node(fdt, node, b))
			return -1;
	if (!b->num_ram)
		return fail("%s: no RAM (size 0: the firmware fills it at "
			    "boot): pass --ram BASE,SIZE for each bank",
			    *b->ram_node ? b->ram_node : "/memory"),
		       -1;
	return 0;
}

/* Is r one of the reserved ranges Warden's must not overlap? */
static int check_other(struct range w, struct range r, const char *what)
{
	if (!ranges_overlap(w, r))
		return 0;
	return fail("Warden's memory 0x%llx (size 0x%llx) overlaps %s "
		    "0x%llx (size 0x%llx): reserved regions must not overlap",
		    (unsigned long long)w.base, (unsigned long long)w.size,
		    what, (unsigned long long)r.base,
		    (unsigned long long)r.size);
}

static int is_warden_node(const void *fdt, int node)
{
	return !strncmp(fdt_get_name(fdt, node, NULL), "warden@", 7) &&
	       fdt_getprop(fdt, node, "no-map", NULL);
}

/* Finds Warden's node; checks every other reserved range against it. */
static int scan_reserved(const void *fdt, int parent, struct board *b)
{
	char path[DT_PATH_LEN];
	struct range r;
	int node, i;

	fdt_for_each_subnode(node, fdt, parent)
	{
		if (is_warden_node(fdt, node)) {
			if (!*b->warden_src &&
			    !dt_reg(fdt, node, 0, &b->warden))
				dt_path(fdt, node, b->warden_src);
			continue;
		}
		for (i = 0; !dt_reg(fdt, node, i, &r); i++)
			if (b->warden.size &&
			    check_other(b->warden, r, dt_path(fdt, node, path)))
				return -1;
	}
	return 0;
}

static int check_memreserve(const void *fdt, struct board *b)
{
	uint64_t base, size;
	char what[48];
	int i;

	for (i = 0; !fdt_get_mem_rsv(fdt, i, &base, &size) && size; i++) {
		snprintf(what, sizeof(what), "/memreserve/ %d", i);
		if (check_other(b->warden, (struct range){base, size}, what))
			return -1;
	}
	return 0;
}

static int warden_in_ram(const struct board *b)
{
	unsigned int i;

	for (i = 0; i < b->num_ram; i++)
		if (b->warden.base >= b->ram[i].base &&
		    b->warden.base + b->warden.size <=
			    b->ram[i].base + b->ram[i].size)
			return 1;
	return 0;
}

static int check_warden(const struct create_opts *o, struct board *b)
{
	if ((b->warden.base | b->warden.size) & (WD_PAGE_SIZE - 1))
		return fail("%s: Warden's memory is not 4 KiB aligned",
			    b->warden_src);
	if (b->warden.size <= o->hv_size)
		return fail("%s: Warden's memory (0x%llx) leaves no cell pool "
			    "above the hypervisor's 0x%llx",
			    b->warden_src, (unsigned long long)b->warden.size,
			    (unsigned long long)o->hv_size);
	if (!warden_in_ram(b))
		return fail("%s: Warden's memory is not inside one RAM bank",
			    b->warden_src);
	return 0;
}

int dt_read_reserved(const void *fdt, const struct create_opts *o,
		     struct board *b)
{
	int rsv = fdt_path_offset(fdt, "/reserved-memory");

	if (o->reserve.size) {
		b->warden = o->reserve;
		strcpy(b->warden_src, "--mem-reserve");
	} else if (rsv >= 0 && scan_reserved(fdt, rsv, b)) {
		return -1;
	}
	if (!b->warden.size)
		return fail("/reserved-memory: no no-map node warden@... for "
			    "Warden's memory: add one or pass --mem-reserve "
			    "BASE,SIZE");
	/* second pass: nodes before Warden's were not compared yet */
	if ((rsv >= 0 && scan_reserved(fdt, rsv, b)) ||
	    check_memreserve(fdt, b))
		return -1;
	return check_warden(o, b);
}
