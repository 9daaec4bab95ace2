// SPDX-License-Identifier: GPL-2.0
/* The devices, the console UART and the root's link from a device tree. */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "../warden.h"
#include "dt.h"

static int add_mmio(struct board *b, struct range r, wd_u32 spi,
		    const char *path)
{
	struct dt_mmio *m;

	if (!r.size)
		return 0;
	if (b->num_mmio == DT_MAX_RANGES)
		return fail("%s: more than %d device ranges", path,
			    DT_MAX_RANGES);
	m = &b->mmio[b->num_mmio++];
	m->r = r;
	m->spi = spi;
	snprintf(m->path, sizeof(m->path), "%s", path);
	if (spi > b->max_spi)
		b->max_spi = spi;
	return 0;
}

/* A PCI host bridge's windows (`ranges`: 3-cell child addresses). */
static int pci_windows(const void *fdt, int node, struct board *b,
		       const char *path)
{
	int len, pa = fdt_address_cells(fdt, fdt_parent_offset(fdt, node));
	int cs = fdt_size_cells(fdt, node), entry = (3 + pa + cs) * 4, i;
	const unsigned char *p = fdt_getprop(fdt, node, "ranges", &len);
	struct range r;

	if (!p || pa < 1 || pa > 2 || cs < 1 || cs > 2)
		return 0;
	for (i = 0; i + entry <= len; i += entry) {
		r.base = dt_cells(p + i + 12, pa);
		r.size = dt_cells(p + i + 12 + pa * 4, cs);
		if (!dt_translate(fdt, node, &r.base) &&
		    add_mmio(b, r, 0, path))
			return -1;
	}
	return 0;
}

static int is_shm(const void *fdt, int node)
{
	return !fdt_node_check_compatible(fdt, node, "warden,ivshmem");
}

/* One link per node ("warden,ivshmem-net" nodes list it too). */
static int read_shm(const void *fdt, int node, struct board *b)
{
	int len;
	const void *id = fdt_getprop(fdt, node, "warden,link", &len);
	char path[DT_PATH_LEN];
	struct dt_link *l = &b->links[b->num_links];

	if (b->num_links == DT_MAX_LINKS)
		return fail("%s: more than %u warden,ivshmem nodes",
			    dt_path(fdt, node, path), DT_MAX_LINKS);
	l->irq = dt_first_spi(fdt, node, b->gic_node);
	if (dt_reg(fdt, node, 0, &l->mem) || !id || len != 4 || !l->irq ||
	    !ranges_overlap(l->mem, b->warden))
		return fail("%s: a warden,ivshmem node needs reg (in "
			    "Warden's memory), a GIC SPI and warden,link",
			    dt_path(fdt, node, path));
	l->id = dt_cells(id, 1);
	if (l->irq > b->max_spi)
		b->max_spi = l->irq;
	b->num_links++;
	return 0;
}

/* Nodes whose reg is not a device of the root's: RAM, reservations, GIC. */
static int skip_node(const void *fdt, int node, const struct board *b,
		     const char *path)
{
	return node == b->gic_node || !dt_is_okay(fdt, node) ||
	       dt_is_type(fdt, node, "memory") ||
	       !strncmp(path, "/reserved-memory", 16);
}

static int device_node(const void *fdt, int node, struct board *b)
{
	char path[DT_PATH_LEN];
	struct range r;
	wd_u32 spi;
	int i;

	dt_path(fdt, node, path);
	if (skip_node(fdt, node, b, path))
		return 0;
	if (is_shm(fdt, node))
		return read_shm(fdt, node, b);
	spi = dt_first_spi(fdt, node, b->gic_node);
	for (i = 0; !dt_reg(fdt, node, i, &r); i++)
		if (add_mmio(b, r, spi, path))
			return -1;
	if (dt_is_type(fdt, node, "pci"))
		return pci_windows(fdt, node, b, path);
	return 0;
}

int dt_read_devices(const void *fdt, struct board *b)
{
	int node;

	for (node = fdt_next_node(fdt, 0, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		if (device_node(fdt, node, b))
			return -1;
	return 0;
}

/* The node /chosen's stdout-path names (an alias or a path). */
static int stdout_node(const void *fdt, char *path)
{
	const char *s =
		dt_string(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path");
	const char *alias;
	size_t n;

	if (!s)
		return -1;
	n = strcspn(s, ":");
	snprintf(path, DT_PATH_LEN, "%.*s", (int)n, s);
	if (*path != '/') {
		alias = dt_string(fdt, fdt_path_offset(fdt, "/aliases"), path);
		if (!alias)
			return -1;
		snprintf(path, DT_PATH_LEN, "%s", alias);
	}
	return fdt_path_offset(fdt, path);
}

int dt_read_console(const void *fdt, const struct create_opts *o,
		    struct board *b)
{
	struct range r;
	int node;

	if (o->console && !strcmp(o->console, "none"))
		return 0;
	node = o->console ? fdt_path_offset(fdt, o->console)
			  : stdout_node(fdt, b->console_path);
	if (o->console)
		snprintf(b->console_path, DT_PATH_LEN, "%s", o->console);
	if (node < 0)
		return fail("%s: no such console node: pass --console "
			    "PATH-OF-A-PL011 or --console none",
			    *b->console_path ? b->console_path
					     : "/chosen/stdout-path");
	if (fdt_node_check_compatible(fdt, node, "arm,pl011"))
		return fail("%s: the console is not a PL011 (arm,pl011), the "
			    "only UART Warden drives: pass --console "
			    "PATH-OF-A-PL011 or --console none",
			    b->console_path);
	if (dt_reg(fdt, node, 0, &r))
		return fail("%s: no usable reg", b->console_path);
	b->console = r.base;
	return 0;
}
