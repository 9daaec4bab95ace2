// SPDX-License-Identifier: GPL-2.0
/* Reading a DTB: loading it, node helpers, reg translation, interrupts. */
#include <libfdt.h>
#include <string.h>

#include "../blob.h"
#include "../warden.h"
#include "dt.h"

#define DTB_MAX_SIZE (4u << 20)

void *dt_load(const char *path)
{
	struct blob b;
	int err;

	if (blob_load(path, DTB_MAX_SIZE, &b))
		return NULL;
	/* The whole structure block is walked once here, so every later
	 * libfdt call reads inside the buffer. */
	err = b.size < sizeof(struct fdt_header)
		      ? -FDT_ERR_TRUNCATED
		      : fdt_check_full(b.data, b.size);
	if (!err)
		return b.data;
	fail("%s: not a usable device tree blob: %s", path, fdt_strerror(err));
	blob_free(&b);
	return NULL;
}

wd_u64 dt_cells(const void *p, int n)
{
	const unsigned char *c = p;
	wd_u64 v = 0;
	int i;

	for (i = 0; i < n * 4; i++)
		v = v << 8 | c[i];
	return v;
}

const char *dt_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, node, name, &len);

	/* fdt_check_full() does not promise a property ends in a NUL */
	return s && len > 0 && memchr(s, 0, len) ? s : NULL;
}

int dt_is_okay(const void *fdt, int node)
{
	const char *s = dt_string(fdt, node, "status");

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

int dt_is_type(const void *fdt, int node, const char *type)
{
	int len;
	const char *s = fdt_getprop(fdt, node, "device_type", &len);

	return s && len > 0 && !strncmp(s, type, len);
}

const char *dt_path(const void *fdt, int node, char *buf)
{
	if (fdt_get_path(fdt, node, buf, DT_PATH_LEN))
		strcpy(buf, "?");
	return buf;
}

int ranges_overlap(struct range a, struct range b)
{
	return a.base < b.base + b.size && b.base < a.base + a.size;
}

/* Maps addr through one `ranges` entry list of bus; -1 if no entry. */
static int through_ranges(const void *fdt, int bus, wd_u64 *addr)
{
	int len, ca = fdt_address_cells(fdt, bus),
		 cs = fdt_size_cells(fdt, bus);
	int pa = fdt_address_cells(fdt, fdt_parent_offset(fdt, bus));
	const unsigned char *p = fdt_getprop(fdt, bus, "ranges", &len);
	int entry = (ca + pa + cs) * 4, i;

	if (!p || ca > 2 || pa > 2 || cs > 2 || ca < 1 || pa < 1)
		return -1; /* no MMIO bus (i2c, spi, cpus) or PCI */
	if (!len)
		return 0; /* identity */
	for (i = 0; i + entry <= len; i += entry) {
		wd_u64 child = dt_cells(p + i, ca), size = 0;

		size = cs ? dt_cells(p + i + (ca + pa) * 4, cs) : 0;
		if (*addr >= child && *addr - child < size) {
			*addr = dt_cells(p + i + ca * 4, pa) + (*addr - child);
			return 0;
		}
	}
	return -1;
}

/* A node's bus address to a CPU physical address, bus by bus. */
int dt_translate(const void *fdt, int node, wd_u64 *addr)
{
	int bus = fdt_parent_offset(fdt, node);

	while (bus > 0) {
		if (through_ranges(fdt, bus, addr))
			return -1;
		bus = fdt_parent_offset(fdt, bus);
	}
	return bus == 0 ? 0 : -1;
}

int dt_reg(const void *fdt, int node, int index, struct range *out)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int ca = fdt_address_cells(fdt, parent),
	    cs = fdt_size_cells(fdt, parent);
	const unsigned char *p = fdt_getprop(fdt, node, "reg", &len);
	int entry = (ca + cs) * 4;

	if (!p || ca < 1 || ca > 2 || cs < 0 || cs > 2 ||
	    (index + 1) * entry > len)
		return -1;
	out->base = dt_cells(p + index * entry, ca);
	out->size = dt_cells(p + index * entry + ca * 4, cs);
	return dt_translate(fdt, node, &out->base);
}

/* The interrupt parent of node: its own, or its nearest ancestor's. */
int dt_interrupt_parent(const void *fdt, int node)
{
	const void *p;
	int len;

	for (; node >= 0; node = fdt_parent_offset(fdt, node)) {
		p = fdt_getprop(fdt, node, "interrupt-parent", &len);
		if (p && len == 4)
			return fdt_node_offset_by_phandle(fdt, dt_cells(p, 1));
	}
	return -1;
}

wd_u32 dt_first_spi(const void *fdt, int node, int gic_node)
{
	int len;
	const unsigned char *p = fdt_getprop(fdt, node, "interrupts", &len);

	if (p && len >= 12 && dt_interrupt_parent(fdt, node) == gic_node)
		return dt_cells(p, 1) == 0 ? dt_cells(p + 4, 1) + 32 : 0;
	p = fdt_getprop(fdt, node, "interrupts-extended", &len);
	if (p && len >= 16 &&
	    fdt_node_offset_by_phandle(fdt, dt_cells(p, 1)) == gic_node)
		return dt_cells(p + 4, 1) == 0 ? dt_cells(p + 8, 1) + 32 : 0;
	return 0;
}

int dt_read_board(const void *fdt, const struct create_opts *o, struct board *b)
{
	memset(b, 0, sizeof(*b));
	if (dt_read_cpus(fdt, b) || dt_read_gic(fdt, b) ||
	    dt_read_ram(fdt, o, b) || dt_read_reserved(fdt, o, b) ||
	    dt_read_console(fdt, o, b) || dt_read_devices(fdt, b))
		return -1;
	return 0;
}
