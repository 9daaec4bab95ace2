// SPDX-License-Identifier: GPL-2.0
/*
 * warden enable / disable.
 *
 * Enable: check the system config, copy warden.bin and the config into
 * the hypervisor range (reserved from Linux in the device tree), then
 * enter Warden on every CPU, one after the other, from process context
 * (an IPI handler would leave its SGI active in the physical GIC while
 * Linux's deactivation already goes to the virtual one). Linux's hyp
 * stub call HVC_SOFT_RESTART branches to Warden's entry at EL2 and
 * Warden returns to the same point at EL1.
 *
 * The hypervisor range is mapped write-combining (not cacheable, never
 * executable) only while copying; Warden starts with its MMU off.
 */
#include <linux/cpu.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/ktime.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include <warden/config.h>
#include <warden/hv_image.h>
#include <warden/hypercall.h>
#include <wd/config_check.h>
#include "../lib/config_text/config_text.h"
#include "warden.h"

#define WD_FIRMWARE "warden.bin"

DEFINE_MUTEX(wd_lock);
static bool wd_enabled;
/* Lets the CLI tell "already enabled" from other -EBUSY causes. */
module_param_named(enabled, wd_enabled, bool, 0444);
MODULE_PARM_DESC(enabled, "Warden is enabled (read-only)");
struct wd_cpu_map wd_cpus;
/* The system config Warden runs with: cells are checked against it. */
static void *wd_sys_blob;
static u64 wd_sys_size;

bool wd_is_enabled(void)
{
	return READ_ONCE(wd_enabled);
}

const void *wd_system_blob(u64 *size)
{
	*size = wd_sys_size;
	return wd_sys_blob;
}

static void report_violation(void *ctx, const struct wd_violation *v)
{
	char reason[WD_VIOLATION_TEXT_MAX];

	wd_violation_text(reason, sizeof(reason), v);
	wd_err("config: %s %s[%d]: %s\n", v->cell ? v->cell : "system",
	       v->field, v->index, reason);
}

static int check_config(const void *blob, u64 size)
{
	struct wd_check_report r = {.violation = report_violation};

	return wd_check_system(blob, size, &r) ? -EINVAL : 0;
}

static int check_range(const char *what, const struct wd_range *r)
{
	if (!r->size || !PAGE_ALIGNED(r->start) || !PAGE_ALIGNED(r->size))
		return -EINVAL;
	if (region_intersects(r->start, r->size, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT) {
		wd_err("%s %llx+%llx is Linux RAM: reserve it "
		       "(reserved-memory, no-map)\n",
		       what, r->start, r->size);
		return -EINVAL;
	}
	return 0;
}

static int check_image(const struct firmware *fw, const struct wd_system *sys,
		       u64 config_size)
{
	const struct wd_image_header *h = (const void *)fw->data;

	if (fw->size < sizeof(*h) || h->magic != WD_IMAGE_MAGIC ||
	    h->abi != WD_IMAGE_ABI) {
		wd_err("%s is not a Warden image (ABI %u)\n", WD_FIRMWARE,
		       WD_IMAGE_ABI);
		return -ENOEXEC;
	}
	if (h->image_size < fw->size || h->image_size > sys->hypervisor.size ||
	    h->config_offset + h->config_max > h->image_size ||
	    h->entry_offset >= fw->size || config_size > h->config_max ||
	    h->max_cpus < sys->platform.num_cpus) {
		wd_err("%s does not fit the hypervisor range or "
		       "config\n",
		       WD_FIRMWARE);
		return -EINVAL;
	}
	return 0;
}

/*
 * The image up to the per-CPU areas of the config's CPUs: the other
 * areas (60 of 64 on QEMU virt) are neither flushed nor zeroed, a fifth
 * of enable's time; Warden clears what it reads there (hv_image.h).
 */
static u64 load_size(const struct wd_image_header *h,
		     const struct wd_system *sys, size_t file_size)
{
	u64 used =
		h->percpu_offset + (u64)sys->platform.num_cpus * h->percpu_size;

	if (!h->percpu_size || h->percpu_offset < file_size ||
	    h->percpu_offset < h->config_offset + h->config_max ||
	    used > h->image_size)
		return h->image_size;
	return used;
}

static int load_image(const struct wd_system *sys, const struct firmware *fw,
		      const void *blob, u64 size)
{
	const struct wd_image_header *h = (const void *)fw->data;
	u64 used = load_size(h, sys, fw->size);
	void *hv = wd_arch_map_image(sys->hypervisor.start, used);

	if (!hv)
		return -ENOMEM;
	/*
	 * No stale line of an earlier Warden may be written back later. The
	 * writes then go around the caches (write-combining) and Linux has
	 * no cacheable alias (no-map): once they complete, memory holds the
	 * image for Warden's MMU-off start, no second flush needed.
	 */
	wd_flush_dcache(hv, used);
	memcpy(hv, fw->data, fw->size);
	memset(hv + fw->size, 0, used - fw->size);
	memcpy(hv + h->config_offset, blob, size);
	mb();
	memunmap(hv);
	return 0;
}

static long enter_on_cpu(void *data)
{
	return wd_arch_enter(data);
}

static long leave_on_cpu(void *data)
{
	return wd_arch_leave();
}

/* Disable the CPUs entered so far (config indexes below upto). */
static int leave_cpus(unsigned int upto)
{
	unsigned int i;
	long err, first = 0;

	for (i = 0; i < upto; i++) {
		if (!wd_cpus.present[i])
			continue;
		err = work_on_cpu(wd_cpus.linux_cpu[i], leave_on_cpu, NULL);
		if (err && !first)
			first = err;
		if (err)
			wd_err("CPU %u failed to leave: %ld\n",
			       wd_cpus.linux_cpu[i], err);
	}
	return (int)first;
}

/*
 * Called with the hotplug lock held: work_on_cpu() on an offline CPU
 * would run the hypercall on another CPU.
 */
static int all_cpus_online(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(wd_cpus.present); i++)
		if (wd_cpus.present[i] && !cpu_online(wd_cpus.linux_cpu[i]))
			return -EBUSY;
	return 0;
}

static int enter_cpus(const struct wd_system *sys,
		      const struct wd_image_header *h)
{
	struct wd_enter_args a = {
		.entry = sys->hypervisor.start + h->entry_offset,
		.hv_start = sys->hypervisor.start,
		.hv_size = sys->hypervisor.size,
	};
	long err = all_cpus_online();

	if (err)
		return (int)err;
	for (a.index = 0; a.index < ARRAY_SIZE(wd_cpus.present); a.index++) {
		if (!wd_cpus.present[a.index])
			continue;
		err = work_on_cpu(wd_cpus.linux_cpu[a.index], enter_on_cpu, &a);
		if (err) {
			wd_err("CPU %u failed to enter: %ld\n",
			       wd_cpus.linux_cpu[a.index], err);
			leave_cpus(a.index);
			return (int)err;
		}
	}
	return 0;
}

static int prepare_cpus(const struct wd_system *sys, const struct wd_cell *root)
{
	int err = wd_map_cpus(sys, root->cpu_set, &wd_cpus);

	return err ?: wd_online_cpus(&wd_cpus);
}

static int enable_with(const void *blob, u64 size)
{
	const struct wd_system *sys = wd_config_system(blob);
	const struct firmware *fw;
	int err;

	/* Every checker knows every arch: this one must be the machine's. */
	if (((const struct wd_header *)blob)->arch != wd_arch_id) {
		wd_err("the config is for another architecture (%u, this is "
		       "%u)\n",
		       ((const struct wd_header *)blob)->arch, wd_arch_id);
		return -EINVAL;
	}
	err = check_range("hypervisor range", &sys->hypervisor);
	if (!err)
		err = check_range("cell pool", &sys->cell_pool);
	if (!err)
		err = wd_el2_check();
	if (!err)
		err = wd_check_root_covers_linux(blob);
	if (!err)
		err = prepare_cpus(sys, wd_config_root(blob));
	if (err)
		return err;
	err = request_firmware(&fw, WD_FIRMWARE, wd_misc.this_device);
	if (err) {
		wd_err("cannot load /lib/firmware/%s: %d\n", WD_FIRMWARE, err);
		return err;
	}
	err = check_image(fw, sys, size) ?: load_image(sys, fw, blob, size);
	if (!err) {
		u64 t0 = ktime_get_ns();

		cpus_read_lock();
		err = enter_cpus(sys, (const void *)fw->data);
		cpus_read_unlock();
		if (!err)
			pr_info("warden: enabled on %u CPUs in %llu us\n",
				wd_cpus.num, (ktime_get_ns() - t0) / 1000);
	}
	if (!err)
		wd_console_attach(sys->hypervisor.start +
				  ((const struct wd_image_header *)fw->data)
					  ->console_offset);
	release_firmware(fw);
	return err;
}

void *wd_copy_blob(const void __user *ublob, u64 size)
{
	void *blob;

	if (size < sizeof(struct wd_header) || size > SZ_64K)
		return ERR_PTR(-EINVAL);
	blob = kvmalloc(size, GFP_KERNEL);
	if (!blob)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(blob, ublob, size)) {
		kvfree(blob);
		return ERR_PTR(-EFAULT);
	}
	return blob;
}

int wd_enable(const void __user *ublob, u64 size)
{
	u64 t0 = ktime_get_ns();
	void *blob = wd_copy_blob(ublob, size);
	int err;

	if (IS_ERR(blob))
		return PTR_ERR(blob);
	mutex_lock(&wd_lock);
	if (wd_enabled)
		err = -EBUSY;
	else
		err = check_config(blob, size) ?: enable_with(blob, size);
	if (!err) {
		wd_enabled = true;
		wd_sys_blob = blob;
		wd_sys_size = size;
		__module_get(THIS_MODULE); /* no unload while Warden runs */
		/* The whole call, as make bench reports it (el2-costs.md). */
		pr_info("warden: enable took %llu us\n",
			(ktime_get_ns() - t0) / 1000);
	}
	mutex_unlock(&wd_lock);
	if (err)
		kvfree(blob);
	return err;
}

int wd_disable(void)
{
	int err;

	mutex_lock(&wd_lock);
	if (!wd_enabled) {
		mutex_unlock(&wd_lock);
		return -EINVAL;
	}
	/* Their CPUs are not Linux's to online, nor their memory to use. */
	if (wd_cells_exist()) {
		wd_err("cells exist: destroy them first (warden cell list)\n");
		mutex_unlock(&wd_lock);
		return -EBUSY;
	}
	err = wd_online_cpus(&wd_cpus);
	if (!err) {
		u64 t0 = ktime_get_ns();

		cpus_read_lock();
		err = all_cpus_online()
			      ?: leave_cpus(ARRAY_SIZE(wd_cpus.present));
		cpus_read_unlock();
		if (!err)
			pr_info("warden: disabled in %llu us\n",
				(ktime_get_ns() - t0) / 1000);
	}
	if (!err) {
		wd_enabled = false;
		kvfree(wd_sys_blob);
		wd_sys_blob = NULL;
		module_put(THIS_MODULE);
	}
	mutex_unlock(&wd_lock);
	return err;
}
