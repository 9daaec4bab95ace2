// SPDX-License-Identifier: GPL-2.0
/*
 * Test only: the root's raw access to a GICv3 redistributor frame, for
 * the checks of the LPI table bases (Documentation/interrupts.md).
 * Writing "CPU OFFSET [VALUE]" to /sys/kernel/debug/warden-hcfuzz/gicr
 * writes VALUE to the register at OFFSET of CPU's RD_base frame (64 bits
 * at an 8-aligned OFFSET, else 32), then reads the 64-bit register that
 * holds OFFSET; reading the file gives that value. QEMU virt's layout
 * (frames from 0x080a0000, 128 KiB each), like the rest of this module.
 *
 * Trust: this module is the attacker; Warden traps every access.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "hcfuzz.h"

#define GICR_BASE 0x080a0000ul
#define GICR_STRIDE 0x20000ul
#define GICR_MAX_CPUS 4
#define RD_SIZE 0x10000ul

static u64 last_value;

static int gicr_access(unsigned long cpu, unsigned long off, bool write,
		       u64 value)
{
	void __iomem *rd;

	if (cpu >= GICR_MAX_CPUS || off >= RD_SIZE || (off & 3))
		return -EINVAL;
	rd = ioremap(GICR_BASE + cpu * GICR_STRIDE, RD_SIZE);
	if (!rd)
		return -ENOMEM;
	if (write && (off & 7))
		writel(value, rd + off);
	else if (write)
		writeq(value, rd + off);
	last_value = readq(rd + (off & ~7ul));
	iounmap(rd);
	return 0;
}

static ssize_t gicr_write(struct file *f, const char __user *ubuf, size_t len,
			  loff_t *pos)
{
	char *text = memdup_user_nul(ubuf, min_t(size_t, len, 96));
	unsigned long cpu, off;
	unsigned long long value = 0;
	int n, err;

	if (IS_ERR(text))
		return PTR_ERR(text);
	n = sscanf(text, "%lu %li %lli", &cpu, &off, &value);
	kfree(text);
	if (n < 2)
		return -EINVAL;
	err = gicr_access(cpu, off, n == 3, value);
	return err ?: (ssize_t)len;
}

static ssize_t gicr_read(struct file *f, char __user *ubuf, size_t len,
			 loff_t *pos)
{
	char text[32];
	int n = scnprintf(text, sizeof(text), "0x%llx\n", last_value);

	return simple_read_from_buffer(ubuf, len, pos, text, n);
}

static const struct file_operations gicr_fops = {
	.owner = THIS_MODULE,
	.read = gicr_read,
	.write = gicr_write,
	.llseek = default_llseek,
};

void hcf_gicr_create(struct dentry *dir)
{
	debugfs_create_file("gicr", 0600, dir, NULL, &gicr_fops);
}
