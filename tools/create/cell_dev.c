// SPDX-License-Identifier: GPL-2.0
/* A cell's devices, by DT path: MMIO (reg[0]) and first GIC SPI. */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../warden.h"
#include "cell.h"

#define PAGE_MASK (WD_PAGE_SIZE - 1)

/*
 * The checker lets a cell take a device out of the root's IO; it does not
 * know that Warden's own console UART must stay Warden's (a cell could
 * then forge or swallow Warden's messages), so the tool refuses it here.
 * Sub-page devices share their page: the whole page is the check.
 */
static int holds_console(const struct wd_device *d, wd_u64 console)
{
	return console && console >= d->mmio_start &&
	       console - d->mmio_start < d->mmio_size;
}

static int one_device(const void *fdt, const struct board *b, const char *path,
		      wd_u64 console, struct cell_plan *p)
{
	int node = fdt_path_offset(fdt, path);
	struct wd_device *d = &p->dev[p->num_devices];
	struct range r;
	wd_u64 end;

	if (node < 0)
		return fail("%s: no such node in the DT", path);
	if (dt_reg(fdt, node, 0, &r) || !r.size)
		return fail("%s: no MMIO reg", path);
	d->irq = dt_first_spi(fdt, node, b->gic_node);
	if (!d->irq)
		return fail(
			"%s: no SPI of the GIC %s in \"interrupts\": a cell "
			"device needs one",
			path, b->gic_path);
	end = (r.base + r.size + PAGE_MASK) & ~PAGE_MASK;
	d->mmio_start = r.base & ~PAGE_MASK;
	d->mmio_size = end - d->mmio_start;
	if (holds_console(d, console))
		return fail("%s: MMIO 0x%llx (size 0x%llx) holds Warden's "
			    "console UART at 0x%llx: a cell cannot own it",
			    path, (unsigned long long)d->mmio_start,
			    (unsigned long long)d->mmio_size,
			    (unsigned long long)console);
	/* the node name without its unit address, as the device's name */
	snprintf(d->name, sizeof(d->name), "%.*s",
		 (int)strcspn(fdt_get_name(fdt, node, NULL), "@"),
		 fdt_get_name(fdt, node, NULL));
	snprintf(p->dev_path[p->num_devices++], DT_PATH_LEN, "%s", path);
	return 0;
}

int plan_devices(const struct cell_opts *o, wd_u64 console, struct cell_plan *p)
{
	static struct board b;
	unsigned int i;
	void *fdt;
	int ret = 0;

	if (!o->num_devices)
		return 0;
	fdt = dt_load(o->dtb);
	if (!fdt)
		return WARDEN_INPUT;
	memset(&b, 0, sizeof(b));
	b.gic_node = -1;
	ret = dt_read_cpus(fdt, &b) || dt_find_gic(fdt, &b);
	for (i = 0; !ret && i < o->num_devices; i++)
		ret = one_device(fdt, &b, o->devices[i], console, p);
	free(fdt);
	return ret;
}
