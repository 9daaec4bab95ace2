// SPDX-License-Identifier: GPL-2.0
/*
 * What the root can see of the cells: the table behind `warden cell list`
 * (sysfs attribute "cells" of /dev/warden's device, printed as it is),
 * Warden's pool usage ("pool") and the per-CPU exit counters behind
 * `warden cell stats`. States and
 * counters are Warden's, asked for at every read: a cell can fail at
 * any time.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <warden/hypercall.h>
#include <warden/ioctl.h>
#include "cells.h"
#include "warden.h"

#define ROOT_ID 0

static const char *const state_names[] = {
	[WD_CELL_STATE_CREATED] = "created",
	[WD_CELL_STATE_LOADING] = "loading",
	[WD_CELL_STATE_RUNNING] = "running",
	[WD_CELL_STATE_SHUT_DOWN] = "shut-down",
	[WD_CELL_STATE_FAILED] = "failed",
};

static const char *state_name(long state)
{
	if (state < 0 || state >= ARRAY_SIZE(state_names))
		return "unknown";
	return state_names[state];
}

/* CPUs on which the cell failed (their WD_STAT_FAULT counter is set). */
static u64 failed_cpus(u32 id, u64 cpu_set)
{
	unsigned int cpu;
	u64 failed = 0;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((cpu_set & BIT_ULL(cpu)) &&
		    wd_hc(WD_HC_CELL_STATS, id, cpu, WD_STAT_FAULT) > 0)
			failed |= BIT_ULL(cpu);
	return failed;
}

static int show_row(char *buf, int len, u32 id, const char *name, u64 cpus)
{
	char cpu_text[64], failed_text[64];

	wd_cpu_set_text(cpus, cpu_text, sizeof(cpu_text));
	wd_cpu_set_text(failed_cpus(id, cpus), failed_text,
			sizeof(failed_text));
	return len + scnprintf(buf + len, PAGE_SIZE - len,
			       "%-4u %-16s %-10s %-8s %s\n", id, name,
			       state_name(wd_hc(WD_HC_CELL_STATE, id, 0, 0)),
			       cpu_text, failed_text);
}

static ssize_t cells_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct wd_cell_entry *e;
	int len;

	len = scnprintf(buf, PAGE_SIZE, "%-4s %-16s %-10s %-8s %s\n", "ID",
			"NAME", "STATE", "CPUS", "FAILED-CPUS");
	mutex_lock(&wd_lock);
	if (wd_is_enabled()) {
		len = show_row(buf, len, ROOT_ID, wd_root_name(),
			       wd_root_cpus());
		list_for_each_entry(e, &wd_cell_list, node)
			len = show_row(buf, len, e->id, e->name,
				       e->desc->cpu_set);
	}
	mutex_unlock(&wd_lock);
	return len;
}
static DEVICE_ATTR_RO(cells);

/*
 * "pool": bytes of Warden's own memory pool in use and in all, as
 * "USED SIZE\n", or "-\n" while disabled. Soak tests compare it before
 * and after many cycles: a leak in the hypervisor shows here.
 */
static ssize_t pool_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	long used, size;
	ssize_t len;

	mutex_lock(&wd_lock);
	if (wd_is_enabled()) {
		used = wd_hc(WD_HC_GET_INFO, WD_INFO_MEM_POOL_USED, 0, 0);
		size = wd_hc(WD_HC_GET_INFO, WD_INFO_MEM_POOL_SIZE, 0, 0);
		len = sysfs_emit(buf, "%ld %ld\n", used, size);
	} else {
		len = sysfs_emit(buf, "-\n");
	}
	mutex_unlock(&wd_lock);
	return len;
}
static DEVICE_ATTR_RO(pool);

/*
 * "system": the system config blob Warden runs with (empty while
 * disabled), so `warden cell linux` builds a cell's DT for this
 * platform (its GIC, its CPUs' MPIDRs) without being told the file.
 */
static ssize_t system_read(struct file *f, struct kobject *kobj,
			   struct bin_attribute *attr, char *buf, loff_t off,
			   size_t count)
{
	const void *blob;
	u64 size = 0;
	ssize_t len;

	mutex_lock(&wd_lock);
	blob = wd_is_enabled() ? wd_system_blob(&size) : NULL;
	len = blob ? memory_read_from_buffer(buf, count, &off, blob, size) : 0;
	mutex_unlock(&wd_lock);
	return len;
}
static BIN_ATTR_RO(system, 0);

static struct bin_attribute *wd_cells_bin_attrs[] = {
	&bin_attr_system,
	NULL,
};

static struct attribute *wd_cells_attrs[] = {
	&dev_attr_cells.attr,
	&dev_attr_pool.attr,
	NULL,
};

const struct attribute_group wd_cells_attr_group = {
	.attrs = wd_cells_attrs,
	.bin_attrs = wd_cells_bin_attrs,
};

static int fill_stats(struct wd_ioc_cell_stats *s, u32 id)
{
	unsigned int cpu, n;
	long v;

	BUILD_BUG_ON(WD_STAT_COUNT > WD_IOC_STATS_MAX);
	s->num_stats = WD_STAT_COUNT;
	for (cpu = 0; cpu < WD_IOC_CPUS_MAX; cpu++) {
		if (!(s->cpu_set & BIT_ULL(cpu)))
			continue;
		for (n = 0; n < WD_STAT_COUNT; n++) {
			v = wd_hc(WD_HC_CELL_STATS, id, cpu, n);
			if (v < 0)
				return (int)v;
			s->stats[cpu][n] = v;
		}
	}
	return 0;
}

/* The root too: its name gives its counters. */
static int stats_locked(struct wd_ioc_cell_stats *s)
{
	struct wd_cell_entry *e;
	int err;

	if (wd_is_enabled() && !strncmp(s->name, wd_root_name(), WD_NAME_LEN)) {
		s->cpu_set = wd_root_cpus();
		return fill_stats(s, ROOT_ID);
	}
	err = wd_cell_lookup(s->name, "get counters of", &e);
	if (err)
		return err;
	s->cpu_set = e->desc->cpu_set;
	return fill_stats(s, e->id);
}

int wd_cell_stats(struct wd_ioc_cell_stats *s)
{
	int err;

	s->name[sizeof(s->name) - 1] = '\0';
	memset(s->stats, 0, sizeof(s->stats));
	mutex_lock(&wd_lock);
	err = stats_locked(s);
	mutex_unlock(&wd_lock);
	return err;
}
