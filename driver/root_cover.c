// SPDX-License-Identifier: GPL-2.0
/*
 * Does the system config's root cell hold everything the running Linux
 * uses? Once enabled, Linux runs on stage-2 tables built from the root's
 * memory regions only: its RAM or a bound device's registers outside
 * them fault on every touch (an instruction abort at the top of a 2 GiB
 * RAM with the 1 GiB config hung the machine). So enable is refused, the
 * message naming each missing range:
 *  - System RAM (/proc/iomem) must lie in root regions that are
 *    readable, writable, executable and not MMIO (any page may hold
 *    module code). The hypervisor and cell pool are not System RAM
 *    (enable.c's check_range()), so they need no exception here.
 *  - The MMIO resources of platform and AMBA devices with a bound driver
 *    must lie in readable and writable root regions.
 * Trust: the config passed wd_check_system() (counts valid, regions do
 * not wrap); Linux's view (the resource tree, the buses) is trusted.
 * Limits: PCI BARs and devices whose driver binds after enable are not
 * checked; nor is memory hot-added later.
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/platform_device.h>

#include <warden/config.h>
#include <wd/config_check.h>
#include "warden.h"

struct cover {
	const struct wd_cell *root;
	u32 need; /* flags a covering region must have */
	u32 deny; /* ... and must not have */
	int missing; /* ranges reported */
};

static bool usable(const struct cover *c, const struct wd_mem_region *m)
{
	return (m->flags & c->need) == c->need && !(m->flags & c->deny);
}

/* A usable root region holding addr (guest-physical: Linux's view). */
static const struct wd_mem_region *region_at(const struct cover *c, u64 addr)
{
	const struct wd_mem_region *m = wd_cell_mem(c->root);
	u32 i;

	for (i = 0; i < c->root->num_mem_regions; i++, m++)
		if (usable(c, m) && addr >= m->virt_start &&
		    addr - m->virt_start < m->size)
			return m;
	return NULL;
}

/* The lowest start of a usable region in (addr, end], or 0 if none. */
static u64 next_start(const struct cover *c, u64 addr, u64 end)
{
	const struct wd_mem_region *m = wd_cell_mem(c->root);
	u64 next = 0;
	u32 i;

	for (i = 0; i < c->root->num_mem_regions; i++, m++)
		if (usable(c, m) && m->virt_start > addr &&
		    m->virt_start <= end && (!next || m->virt_start < next))
			next = m->virt_start;
	return next;
}

static void report(struct cover *c, const char *what, u64 start, u64 end)
{
	wd_err("%s 0x%llx-0x%llx is not in the config's root memory "
	       "regions\n",
	       what, start, end);
	c->missing++;
}

/* Reports every part of [start, end] no usable root region holds. */
static void find_gaps(struct cover *c, const char *what, u64 start, u64 end)
{
	const struct wd_mem_region *m;
	u64 next;

	while (start <= end) {
		m = region_at(c, start);
		if (m) {
			next = m->virt_start + m->size;
			if (next - 1 >= end)
				return;
		} else {
			next = next_start(c, start, end);
			report(c, what, start, next ? next - 1 : end);
			if (!next)
				return;
		}
		start = next;
	}
}

static int check_ram(struct resource *r, void *data)
{
	/* Top-level System RAM only: "Kernel code" etc. lie inside it. */
	if (r->parent && r->parent != &iomem_resource)
		return 0;
	find_gaps(data, "Linux RAM", r->start, r->end);
	return 0;
}

static struct resource *device_mmio(struct device *dev, unsigned int i)
{
	if (wd_amba_bus() && dev->bus == wd_amba_bus())
		return i ? NULL : &to_amba_device(dev)->res;
	return platform_get_resource(to_platform_device(dev), IORESOURCE_MEM,
				     i);
}

static int check_device(struct device *dev, void *data)
{
	struct resource *r;
	unsigned int i;
	char what[96];

	device_lock(dev); /* the driver stays bound while we look */
	if (dev->driver) {
		snprintf(what, sizeof(what), "MMIO of %s (driver %s)",
			 dev_name(dev), dev->driver->name);
		for (i = 0; (r = device_mmio(dev, i)); i++)
			if ((r->flags & IORESOURCE_MEM) && r->end >= r->start)
				find_gaps(data, what, r->start, r->end);
	}
	device_unlock(dev);
	return 0;
}

int wd_check_root_covers_linux(const void *system_blob)
{
	struct cover c = {
		.root = wd_config_root(system_blob),
		.need = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC,
		.deny = WD_MEM_IO,
	};

	walk_iomem_res_desc(IORES_DESC_NONE,
			    IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY, 0, -1, &c,
			    check_ram);
	c.need = WD_MEM_READ | WD_MEM_WRITE;
	c.deny = 0;
	bus_for_each_dev(&platform_bus_type, NULL, &c, check_device);
	if (wd_amba_bus())
		bus_for_each_dev(wd_amba_bus(), NULL, &c, check_device);
	if (!c.missing)
		return 0;
	wd_err("Linux would fault there once Warden runs: add the ranges to "
	       "the root cell or keep Linux off them (mem=, reserved-memory, "
	       "unbind the driver)\n");
	return -EINVAL;
}
