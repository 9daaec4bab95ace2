// SPDX-License-Identifier: GPL-2.0
/*
 * A cell device that is a PCI function's config page: the page of the
 * function in its host bridge's ECAM window (a generic ECAM host with
 * its config space as the first "reg" of its device-tree node). The
 * function, not the host bridge, is what must have no driver: the host
 * bridge keeps serving every other function of the root.
 */
#include <linux/of_address.h>
#include <linux/pci.h>

#include "cells.h"

/* Physical address of pdev's 4 KiB in its host bridge's ECAM, or 0. */
static u64 ecam_page(struct pci_dev *pdev)
{
	struct pci_host_bridge *br = pci_find_host_bridge(pdev->bus);
	struct device *host = br ? br->dev.parent : NULL;
	struct resource res;

	if (!host || !host->of_node ||
	    of_address_to_resource(host->of_node, 0, &res))
		return 0;
	return res.start + ((u64)(pdev->bus->number - br->busnr) << 20) +
	       ((u64)pdev->devfn << 12);
}

/* The function whose config page d is; a reference (put_device()). */
struct device *wd_pci_function(const struct wd_device *d)
{
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev)
	{
		if (d->mmio_size == SZ_4K && ecam_page(pdev) == d->mmio_start)
			return &pdev->dev; /* for_each_pci_dev's reference */
	}
	return NULL;
}
