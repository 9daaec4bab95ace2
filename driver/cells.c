// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell create / start / shutdown / destroy.
 *
 * Create: the config is checked here first (the same validator as
 * Warden's, against the system config and the cells that exist) so a
 * refusal comes with readable reasons; the cell's devices must have no
 * Linux driver; its CPUs leave Linux (remove_cpu(): Linux's PSCI CPU_OFF
 * parks them in Warden); then Warden gets the config and checks it again
 * on its own copy. Destroy is the reverse: Warden parks the CPUs, scrubs
 * the cell's memory and gives everything back, then Linux onlines the
 * CPUs (PSCI CPU_ON, which Warden now allows for the root).
 *
 * Every request runs under wd_lock, so the cell list is stable in it.
 */
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <warden/config.h>
#include <warden/hypercall.h>
#include <wd/config_check.h>
#include "../lib/config_text/config_text.h"
#include "cells.h"
#include "warden.h"

LIST_HEAD(wd_cell_list);

long wd_hc(unsigned long id, unsigned long a1, unsigned long a2,
	   unsigned long a3)
{
	return (long)wd_hvc(id, a1, a2, a3, 0);
}

bool wd_cells_exist(void)
{
	return !list_empty(&wd_cell_list);
}

const char *wd_root_name(void)
{
	u64 size;

	return wd_config_root(wd_system_blob(&size))->name;
}

u64 wd_root_cpus(void)
{
	struct wd_cell_entry *e;
	u64 size, cpus = wd_config_root(wd_system_blob(&size))->cpu_set;

	list_for_each_entry(e, &wd_cell_list, node)
		cpus &= ~e->desc->cpu_set;
	return cpus;
}

struct wd_cell_entry *wd_cell_find(const char *name)
{
	struct wd_cell_entry *e;

	list_for_each_entry(e, &wd_cell_list, node)
		if (!strncmp(e->name, name, WD_NAME_LEN))
			return e;
	return NULL;
}

int wd_cell_lookup(const char *name, const char *verb, struct wd_cell_entry **e)
{
	if (!wd_is_enabled()) {
		wd_err("Warden is not enabled\n");
		return -EINVAL;
	}
	if (!strncmp(name, wd_root_name(), WD_NAME_LEN)) {
		wd_err("cannot %s '%s': it is the root cell (Linux)\n", verb,
		       name);
		return -EPERM;
	}
	*e = wd_cell_find(name);
	if (!*e) {
		wd_err("no cell '%.*s' (see warden cell list)\n", WD_NAME_LEN,
		       name);
		return -ENOENT;
	}
	return 0;
}

static void report_violation(void *ctx, const struct wd_violation *v)
{
	char reason[WD_VIOLATION_TEXT_MAX];

	wd_violation_text(reason, sizeof(reason), v);
	wd_err("config: %s %s[%d]: %s\n", v->cell ? v->cell : "system",
	       v->field, v->index, reason);
}

/* Alone, then with the system and the live cells (the new one last). */
static int check_config(const struct wd_cell_entry *new)
{
	struct wd_check_report r = {.violation = report_violation};
	struct wd_blob system, *blobs;
	struct wd_cell_entry *e;
	unsigned int n = 0;
	int err;

	if (wd_check_cell(new->blob, new->size, &r))
		return -EINVAL;
	system.data = wd_system_blob(&system.size);
	list_for_each_entry(e, &wd_cell_list, node)
		n++;
	blobs = kmalloc_array(n + 1, sizeof(*blobs), GFP_KERNEL);
	if (!blobs)
		return -ENOMEM;
	n = 0;
	list_for_each_entry(e, &wd_cell_list, node)
		blobs[n++] = (struct wd_blob){e->blob, e->size};
	blobs[n++] = (struct wd_blob){new->blob, new->size};
	err = wd_check_set(&system, blobs, n, &r) ? -EINVAL : 0;
	kfree(blobs);
	return err;
}

/* The blob is kmalloc()ed, so physically contiguous root RAM. */
static int create_in_warden(struct wd_cell_entry *e)
{
	long id = wd_hc(WD_HC_CELL_CREATE, virt_to_phys(e->blob), e->size, 0);

	if (id < 0) {
		wd_err("Warden refused cell '%s': error %ld (its reasons are "
		       "in warden console)\n",
		       e->name, id);
		return (int)id;
	}
	e->id = (u32)id;
	return 0;
}

static int create_locked(struct wd_cell_entry *e)
{
	int err;

	if (!wd_is_enabled()) {
		wd_err("Warden is not enabled\n");
		return -EINVAL;
	}
	err = check_config(e);
	if (err)
		return err;
	e->desc = wd_config_cell(e->blob);
	strscpy(e->name, e->desc->name, WD_NAME_LEN);
	err = wd_cell_devices_hold(e);
	if (!err)
		err = wd_cell_cpus_offline(e);
	if (!err)
		err = create_in_warden(e);
	if (err) {
		wd_cell_cpus_online(e);
		wd_cell_devices_release(e);
		return err;
	}
	list_add_tail(&e->node, &wd_cell_list);
	pr_info("warden: cell '%s' created (id %u)\n", e->name, e->id);
	return 0;
}

static void free_entry(struct wd_cell_entry *e)
{
	kfree(e->blob);
	kfree(e);
}

int wd_cell_create(const void __user *ublob, u64 size)
{
	struct wd_cell_entry *e;
	int err;

	if (size > PAGE_SIZE) {
		wd_err("cell config of %llu bytes: at most %lu\n", size,
		       PAGE_SIZE);
		return -E2BIG;
	}
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->size = size;
	e->blob = memdup_user(ublob, size);
	if (IS_ERR(e->blob)) {
		err = PTR_ERR(e->blob);
		kfree(e);
		return err;
	}
	mutex_lock(&wd_lock);
	err = create_locked(e);
	mutex_unlock(&wd_lock);
	if (err)
		free_entry(e);
	return err;
}

static int destroy_locked(const char *name)
{
	struct wd_cell_entry *e;
	long ret;

	ret = wd_cell_lookup(name, "destroy", &e);
	if (ret)
		return (int)ret;
	ret = wd_hc(WD_HC_CELL_DESTROY, e->id, 0, 0);
	if (ret < 0) {
		wd_err("Warden could not destroy cell '%s': error %ld\n", name,
		       ret);
		return (int)ret;
	}
	wd_cell_cpus_online(e);
	wd_cell_devices_release(e);
	list_del(&e->node);
	pr_info("warden: cell '%s' destroyed\n", e->name);
	free_entry(e);
	return 0;
}

int wd_cell_destroy(const char *name)
{
	int err;

	mutex_lock(&wd_lock);
	err = destroy_locked(name);
	mutex_unlock(&wd_lock);
	return err;
}

/*
 * The counter is logged to measure the time to the inmate's first
 * instruction: the root's and the cells' virtual counters agree (both
 * have CNTVOFF_EL2 = 0).
 */
static int start_locked(const char *name, u64 entry, u64 arg)
{
	struct wd_cell_entry *e;
	u64 now;
	long ret;

	ret = wd_cell_lookup(name, "start", &e);
	if (ret)
		return (int)ret;
	now = wd_arch_counter();
	ret = wd_hc(WD_HC_CELL_START, e->id, entry, arg);
	if (ret == -EBUSY)
		wd_err("cell '%s' is running (or still stopping)\n", name);
	else if (ret < 0)
		wd_err("Warden could not start cell '%s': error %ld\n", name,
		       ret);
	else
		pr_info("warden: cell '%s' started at counter %llu\n", name,
			now);
	return ret < 0 ? (int)ret : 0;
}

/* entry 0: the config's entry, x0 = the comm IPA (hypercalls.md). */
int wd_cell_boot(const char *name, u64 entry, u64 arg)
{
	int err;

	mutex_lock(&wd_lock);
	err = start_locked(name, entry, arg);
	mutex_unlock(&wd_lock);
	return err;
}

int wd_cell_start(const char *name)
{
	return wd_cell_boot(name, 0, 0);
}

static int shutdown_locked(const char *name)
{
	struct wd_cell_entry *e;
	long ret;

	ret = wd_cell_lookup(name, "shut down", &e);
	if (ret)
		return (int)ret;
	ret = wd_hc(WD_HC_CELL_SHUTDOWN, e->id, 0, 0);
	if (ret < 0)
		wd_err("Warden could not shut down cell '%s': error %ld\n",
		       name, ret);
	return ret < 0 ? (int)ret : 0;
}

int wd_cell_shutdown(const char *name)
{
	int err;

	mutex_lock(&wd_lock);
	err = shutdown_locked(name);
	mutex_unlock(&wd_lock);
	return err;
}
