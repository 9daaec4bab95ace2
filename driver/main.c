// SPDX-License-Identifier: GPL-2.0
/*
 * warden.ko entry points: /dev/warden (ioctls of include/warden/ioctl.h)
 * and /dev/warden_console.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <warden/ioctl.h>
#include <warden/version.h>
#include "warden.h"

static long wd_ioc_version(void __user *arg)
{
	struct wd_ioc_version v = {
		.major = WARDEN_VERSION_MAJOR,
		.minor = WARDEN_VERSION_MINOR,
		.string = WARDEN_VERSION_STRING,
	};

	return copy_to_user(arg, &v, sizeof(v)) ? -EFAULT : 0;
}

static long wd_ioc_enable(void __user *arg)
{
	struct wd_ioc_buf b;

	if (copy_from_user(&b, arg, sizeof(b)))
		return -EFAULT;
	return wd_enable(u64_to_user_ptr(b.addr), b.size);
}

/* A cell name from user space, NUL-terminated whatever was passed. */
static long wd_ioc_named(void __user *arg, int (*fn)(const char *name))
{
	struct wd_ioc_cell_id id;

	if (copy_from_user(&id, arg, sizeof(id)))
		return -EFAULT;
	id.name[sizeof(id.name) - 1] = '\0';
	return fn(id.name);
}

static long wd_ioc_cell_create(void __user *arg)
{
	struct wd_ioc_buf b;

	if (copy_from_user(&b, arg, sizeof(b)))
		return -EFAULT;
	return wd_cell_create(u64_to_user_ptr(b.addr), b.size);
}

static long wd_ioc_cell_load(void __user *arg)
{
	struct wd_ioc_cell_load load;

	if (copy_from_user(&load, arg, sizeof(load)))
		return -EFAULT;
	return wd_cell_load(&load);
}

static long wd_ioc_cell_boot(void __user *arg)
{
	struct wd_ioc_cell_boot boot;

	if (copy_from_user(&boot, arg, sizeof(boot)))
		return -EFAULT;
	boot.name[sizeof(boot.name) - 1] = 0;
	if (!boot.entry)
		return -EINVAL;
	return wd_cell_boot(boot.name, boot.entry, boot.arg);
}

static long wd_ioc_cell_stats(void __user *arg)
{
	struct wd_ioc_cell_stats *s = memdup_user(arg, sizeof(*s));
	long err;

	if (IS_ERR(s))
		return PTR_ERR(s);
	err = wd_cell_stats(s);
	if (!err && copy_to_user(arg, s, sizeof(*s)))
		err = -EFAULT;
	kfree(s);
	return err;
}

static long wd_ioc_cell_mappings(void __user *arg)
{
	struct wd_ioc_cell_mappings *m = memdup_user(arg, sizeof(*m));
	long err;

	if (IS_ERR(m))
		return PTR_ERR(m);
	err = wd_cell_mappings(m);
	if (!err && copy_to_user(arg, m, sizeof(*m)))
		err = -EFAULT;
	kfree(m);
	return err;
}

static long wd_ioc_cell_rt_stats(void __user *arg)
{
	struct wd_ioc_cell_rt_stats *r = memdup_user(arg, sizeof(*r));
	long err;

	if (IS_ERR(r))
		return PTR_ERR(r);
	err = wd_cell_rt_stats(r);
	if (!err && copy_to_user(arg, r, sizeof(*r)))
		err = -EFAULT;
	kfree(r);
	return err;
}

static long wd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	wd_err_clear();
	switch (cmd) {
	case WD_IOC_VERSION:
		return wd_ioc_version(uarg);
	case WD_IOC_ENABLE:
		return wd_ioc_enable(uarg);
	case WD_IOC_DISABLE:
		return wd_disable();
	case WD_IOC_CELL_CREATE:
		return wd_ioc_cell_create(uarg);
	case WD_IOC_CELL_LOAD:
		return wd_ioc_cell_load(uarg);
	case WD_IOC_CELL_START:
		return wd_ioc_named(uarg, wd_cell_start);
	case WD_IOC_CELL_BOOT:
		return wd_ioc_cell_boot(uarg);
	case WD_IOC_CELL_SHUTDOWN:
		return wd_ioc_named(uarg, wd_cell_shutdown);
	case WD_IOC_CELL_DESTROY:
		return wd_ioc_named(uarg, wd_cell_destroy);
	case WD_IOC_CELL_STATS:
		return wd_ioc_cell_stats(uarg);
	case WD_IOC_CELL_MAPPINGS:
		return wd_ioc_cell_mappings(uarg);
	case WD_IOC_CELL_RT_STATS:
		return wd_ioc_cell_rt_stats(uarg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations wd_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = wd_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

struct miscdevice wd_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "warden",
	.fops = &wd_fops,
	.mode = 0600,
	.groups = wd_attr_groups,
};

static int __init wd_init(void)
{
	int err = wd_arch_init() ?: misc_register(&wd_misc);

	if (err)
		return err;
	err = misc_register(&wd_console_misc);
	if (!err) {
		err = platform_driver_register(&wd_shm_driver);
		if (err)
			misc_deregister(&wd_console_misc);
	}
	if (err) {
		misc_deregister(&wd_misc);
		wd_arch_exit();
	}
	return err;
}

/* Only reachable while disabled: enable holds a module reference. */
static void __exit wd_exit(void)
{
	platform_driver_unregister(&wd_shm_driver);
	misc_deregister(&wd_console_misc);
	misc_deregister(&wd_misc);
	wd_console_detach();
	wd_arch_exit();
}

module_init(wd_init);
module_exit(wd_exit);
MODULE_DESCRIPTION("Warden partitioning hypervisor: root cell driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(WARDEN_VERSION_STRING);
MODULE_FIRMWARE("warden.bin");
