/* SPDX-License-Identifier: GPL-2.0 */
/* The driver's view of the cells it created (cells.c and its helpers). */
#ifndef WARDEN_DRIVER_CELLS_H
#define WARDEN_DRIVER_CELLS_H

#include <linux/device.h>
#include <linux/list.h>
#include <linux/types.h>

#include <warden/config.h>

struct wd_cell_entry {
	struct list_head node;
	u32 id; /* Warden's */
	char name[WD_NAME_LEN];
	void *blob; /* the checked config, kept for load and list */
	u64 size;
	const struct wd_cell *desc;
	/* Linux devices the cell took: kept from binding a driver. */
	struct device *held[WD_MAX_DEVICES];
	unsigned int num_held;
	unsigned int num_offline; /* of desc->cpu_set, in CPU order */
};

extern struct list_head wd_cell_list;

/* A cell by name, NULL if there is none. */
struct wd_cell_entry *wd_cell_find(const char *name);
/*
 * A non-root cell by name for a request ("start", ...): -EINVAL (Warden
 * not enabled), -EPERM (the root), -ENOENT (no such cell), each with its
 * message for the CLI.
 */
int wd_cell_lookup(const char *name, const char *verb,
		   struct wd_cell_entry **e);
/* The root cell's name and current CPUs (the system's minus the cells'). */
const char *wd_root_name(void);
u64 wd_root_cpus(void);
/* Warden's answer to a hypercall, as a (negative) errno or a value. */
long wd_hc(unsigned long id, unsigned long a1, unsigned long a2,
	   unsigned long a3);

/* cell_cpus.c: a cell's CPUs leave Linux and come back. */
int wd_cell_cpus_offline(struct wd_cell_entry *e);
void wd_cell_cpus_online(struct wd_cell_entry *e);
/* The Linux CPU numbers of config CPU set, as text ("2-3"). */
void wd_cpu_set_text(u64 cpu_set, char *buf, size_t size);

/*
 * cell_mappings.c: runs first.. of cell id into out (wd_lock held); their
 * number, WD_MAPPINGS_MAX when more may follow, or -errno.
 */
struct wd_mappings;
long wd_cell_runs(u32 id, u32 first, struct wd_mappings *out);

/* cell_devices.c: a cell's devices must not have a Linux driver. */
int wd_cell_devices_hold(struct wd_cell_entry *e);
/* cell_pci.c: the PCI function whose ECAM page d is, or NULL. */
struct device *wd_pci_function(const struct wd_device *d);
void wd_cell_devices_release(struct wd_cell_entry *e);

#endif
