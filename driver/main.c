// SPDX-License-Identifier: GPL-2.0
/*
 * warden.ko entry points: the /dev/warden misc device and its ioctls.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include <warden/ioctl.h>
#include <warden/version.h>

static long wd_ioc_version(void __user *arg)
{
	struct wd_ioc_version v = {
		.major = WARDEN_VERSION_MAJOR,
		.minor = WARDEN_VERSION_MINOR,
		.string = WARDEN_VERSION_STRING,
	};

	return copy_to_user(arg, &v, sizeof(v)) ? -EFAULT : 0;
}

static long wd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case WD_IOC_VERSION:
		return wd_ioc_version(uarg);
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

static struct miscdevice wd_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "warden",
	.fops = &wd_fops,
	.mode = 0600,
};

static int __init wd_init(void)
{
	return misc_register(&wd_misc);
}

static void __exit wd_exit(void)
{
	misc_deregister(&wd_misc);
}

module_init(wd_init);
module_exit(wd_exit);
MODULE_DESCRIPTION("Warden partitioning hypervisor: root cell driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(WARDEN_VERSION_STRING);
