// SPDX-License-Identifier: GPL-2.0
/*
 * A cell's devices (config devices[]) are taken from Linux. Linux must
 * not be using one: its platform or AMBA device (found by the MMIO
 * address in its device-tree node) must have no driver bound, else
 * create is refused and the message says how to unbind it. While the
 * cell has it, the device's driver_override names no driver, so Linux
 * cannot bind one again (sysfs bind, module load); destroy clears it.
 *
 * A PCI function's config page (cell_pci.c) holds the function, not its
 * host bridge. Limits: only PCI functions, and platform and AMBA devices
 * with a device-tree node are found; a driver that maps the registers
 * without binding to the device is not seen.
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/of_address.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

#include <wd/config_check.h>
#include "cells.h"
#include "warden.h"

/* Not the name of any driver: nothing matches while it is set. */
#define HOLD_OVERRIDE "warden-cell"

static int covers(struct device *dev, const void *data)
{
	const struct wd_device *d = data;
	struct resource res;

	if (!dev->of_node || of_address_to_resource(dev->of_node, 0, &res))
		return 0;
	return res.start < d->mmio_start + d->mmio_size &&
	       d->mmio_start <= res.end;
}

/* Returns a reference (put_device()) or NULL. */
static struct device *linux_device(const struct wd_device *d)
{
	struct device *dev = wd_pci_function(d);

	if (!dev && wd_amba_bus())
		dev = bus_find_device(wd_amba_bus(), NULL, d, covers);

	return dev ?: bus_find_device(&platform_bus_type, NULL, d, covers);
}

static const char **override_of(struct device *dev)
{
	if (dev_is_pci(dev))
		return &to_pci_dev(dev)->driver_override;
	if (wd_amba_bus() && dev->bus == wd_amba_bus())
		return &to_amba_device(dev)->driver_override;
	return &to_platform_device(dev)->driver_override;
}

static int set_override(struct device *dev, const char *s)
{
	return driver_set_override(dev, override_of(dev), s, strlen(s));
}

static int check_unbound(const struct wd_device *d, struct device *dev)
{
	int err = 0;

	device_lock(dev);
	if (dev->driver) {
		wd_err("device %s at 0x%llx is in use by Linux driver %s: "
		       "unbind it first: echo %s > /sys/bus/%s/drivers/%s/"
		       "unbind\n",
		       d->name, d->mmio_start, dev->driver->name, dev_name(dev),
		       dev->bus->name, dev->driver->name);
		err = -EBUSY;
	}
	device_unlock(dev);
	return err;
}

/*
 * The override goes first: once it is set no driver can bind, so the
 * check that none is bound cannot be overtaken by a bind.
 */
static int hold(struct wd_cell_entry *e, const struct wd_device *d)
{
	struct device *dev = linux_device(d);
	int err;

	if (!dev)
		return 0; /* Linux has no device there */
	err = set_override(dev, HOLD_OVERRIDE);
	if (!err) {
		err = check_unbound(d, dev);
		if (err)
			set_override(dev, "");
	}
	if (err) {
		put_device(dev);
		return err;
	}
	e->held[e->num_held++] = dev;
	return 0;
}

int wd_cell_devices_hold(struct wd_cell_entry *e)
{
	const struct wd_device *d = wd_cell_devices(e->desc);
	unsigned int i;
	int err = 0;

	for (i = 0; !err && i < e->desc->num_devices; i++)
		err = hold(e, &d[i]);
	return err;
}

void wd_cell_devices_release(struct wd_cell_entry *e)
{
	while (e->num_held) {
		struct device *dev = e->held[--e->num_held];

		set_override(dev, "");
		put_device(dev);
	}
}
