// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/warden_console: the hypervisor's message ring. Warden writes it;
 * the root cell sees its page read-only. A read returns the bytes from
 * the file position on (positions count every byte ever written; if the
 * reader fell behind by more than the ring, it skips ahead). At the end
 * read returns 0: `warden console -f` polls.
 */
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include <warden/hv_image.h>
#include "warden.h"

static DEFINE_MUTEX(ring_lock);
static struct wd_console_ring *ring;

/* Kept after disable: the last messages stay readable. */
void wd_console_attach(phys_addr_t phys)
{
	mutex_lock(&ring_lock);
	if (!ring)
		ring = memremap(phys, PAGE_SIZE, MEMREMAP_WB);
	mutex_unlock(&ring_lock);
}

void wd_console_detach(void)
{
	mutex_lock(&ring_lock);
	if (ring)
		memunmap(ring);
	ring = NULL;
	mutex_unlock(&ring_lock);
}

/* Copies ring bytes [pos, head) to user space; the ring is untrusted. */
static ssize_t copy_ring(char __user *buf, size_t count, loff_t *ppos)
{
	u64 head = smp_load_acquire(&ring->head);
	u32 size = READ_ONCE(ring->size);
	u64 pos = *ppos, n, off;

	if (READ_ONCE(ring->magic) != WD_CONSOLE_RING_MAGIC || !size ||
	    size > PAGE_SIZE - sizeof(*ring))
		return 0;
	if (pos > head)
		pos = head;
	if (head - pos > size)
		pos = head - size;
	n = min_t(u64, count, head - pos);
	off = pos % size;
	n = min_t(u64, n, size - off);
	if (copy_to_user(buf, ring->buf + off, n))
		return -EFAULT;
	*ppos = pos + n;
	return n;
}

static ssize_t console_read(struct file *file, char __user *buf, size_t count,
			    loff_t *ppos)
{
	ssize_t ret = 0;

	mutex_lock(&ring_lock);
	if (ring)
		ret = copy_ring(buf, count, ppos);
	mutex_unlock(&ring_lock);
	return ret;
}

static const struct file_operations console_fops = {
	.owner = THIS_MODULE,
	.read = console_read,
	.llseek = default_llseek,
};

struct miscdevice wd_console_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "warden_console",
	.fops = &console_fops,
	.mode = 0400,
};
