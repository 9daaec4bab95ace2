// SPDX-License-Identifier: GPL-2.0
/*
 * warden.ko entry points: /dev/warden (ioctls of include/warden/ioctl.h)
 * and /dev/warden_console.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
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

/* Cells come in a later step: the ioctls exist, the hypervisor says no. */
static long wd_ioc_cell(void)
{
	return wd_is_enabled() ? -ENOSYS : -EINVAL;
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
	case WD_IOC_CELL_LOAD:
	case WD_IOC_CELL_START:
	case WD_IOC_CELL_SHUTDOWN:
	case WD_IOC_CELL_DESTROY:
		return wd_ioc_cell();
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
	int err = misc_register(&wd_misc);

	if (err)
		return err;
	err = misc_register(&wd_console_misc);
	if (err)
		misc_deregister(&wd_misc);
	return err;
}

/* Only reachable while disabled: enable holds a module reference. */
static void __exit wd_exit(void)
{
	misc_deregister(&wd_console_misc);
	misc_deregister(&wd_misc);
	wd_console_detach();
}

module_init(wd_init);
module_exit(wd_exit);
MODULE_DESCRIPTION("Warden partitioning hypervisor: root cell driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(WARDEN_VERSION_STRING);
MODULE_FIRMWARE("warden.bin");
