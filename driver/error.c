// SPDX-License-Identifier: GPL-2.0
/*
 * The reason of the last refused request. An ioctl can only return an
 * errno; the CLI reads this text from sysfs (last_error) to say *why*, and
 * the same line goes to the kernel log.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/string.h>

#include "warden.h"

static DEFINE_MUTEX(wd_error_lock);
static char wd_last_error[1024];

/* Appends: one request may be refused for several reasons (a config). */
void wd_err(const char *fmt, ...)
{
	size_t used;
	va_list ap;

	mutex_lock(&wd_error_lock);
	used = strnlen(wd_last_error, sizeof(wd_last_error) - 1);
	va_start(ap, fmt);
	vsnprintf(wd_last_error + used, sizeof(wd_last_error) - used, fmt, ap);
	va_end(ap);
	pr_err("warden: %s", wd_last_error + used);
	mutex_unlock(&wd_error_lock);
}

void wd_err_clear(void)
{
	mutex_lock(&wd_error_lock);
	wd_last_error[0] = '\0';
	mutex_unlock(&wd_error_lock);
}

static ssize_t last_error_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	ssize_t n;

	mutex_lock(&wd_error_lock);
	n = sysfs_emit(buf, "%s", wd_last_error);
	mutex_unlock(&wd_error_lock);
	return n;
}
static DEVICE_ATTR_RO(last_error);

static struct attribute *wd_attrs[] = {
	&dev_attr_last_error.attr,
	NULL,
};

static const struct attribute_group wd_attr_group = {
	.attrs = wd_attrs,
};

const struct attribute_group *wd_attr_groups[] = {
	&wd_attr_group,
	&wd_cells_attr_group,
	NULL,
};
