// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell's end of shared-memory links (Documentation/ivshmem.md).
 * Each DT node compatible "warden,ivshmem" describes one link of the
 * root's config: its memory (reg), its doorbell SPI (interrupts) and its
 * id (warden,link). It becomes /dev/warden-shm<id>:
 *   mmap   the link's memory, non-cacheable (the inmate's MMU is off);
 *   read   8 bytes: doorbells since the last read; blocks while there
 *          are none and a peer runs; -EPIPE when no peer runs;
 *   poll   POLLIN on doorbells, POLLHUP when no peer runs;
 *   write  8 bytes: the peer cell id to ring (~0: all peers).
 * Warden also rings the doorbell when a peer changes state, so a reader
 * waiting for a peer that fails or goes away wakes up and sees -EPIPE.
 *
 * Trust: the DT comes from whoever boots Linux; a wrong reg or id only
 * gives a mapping or calls that Warden refuses (stage 2, -ENOENT).
 */
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <warden/hypercall.h>
#include "warden.h"

struct wd_shm {
	struct miscdevice misc;
	char name[24];
	u32 link;
	phys_addr_t phys;
	resource_size_t size;
	wait_queue_head_t wait;
	atomic64_t doorbells; /* rung since the last read */
};

static struct wd_shm *file_shm(struct file *file)
{
	return container_of(file->private_data, struct wd_shm, misc);
}

/* Holding wd_lock: Warden cannot go away under the call. */
static long shm_hvc(unsigned long fn, unsigned long a1, unsigned long a2)
{
	long ret = -ENODEV;

	if (mutex_lock_interruptible(&wd_lock))
		return -EINTR;
	if (wd_is_enabled())
		ret = (long)wd_hvc(fn, a1, a2, 0, 0);
	mutex_unlock(&wd_lock);
	return ret;
}

/*
 * For warden-net.ko in the root (Documentation/vnet.md): the link
 * hypercalls only, through the same lock. Sleeps.
 */
long wd_link_hvc(unsigned long fn, unsigned long link, unsigned long arg)
{
	if (fn != WD_HC_DOORBELL && fn != WD_HC_LINK_STATE)
		return -EINVAL;
	return shm_hvc(fn, link, arg);
}
EXPORT_SYMBOL_GPL(wd_link_hvc);

/*
 * warden-net's doorbell from atomic context (its xmit and NAPI poll), so
 * without wd_lock. Safe against a racing enable or disable: an HVC that
 * reaches Linux's hyp stub instead of Warden returns HVC_STUB_ERR, and
 * Warden answers any root hypercall at any time (its own rule).
 */
long wd_link_ring(unsigned long link)
{
	if (!wd_is_enabled())
		return -ENODEV;
	return (long)wd_hvc(WD_HC_DOORBELL, link, WD_DOORBELL_ALL_PEERS, 0, 0);
}
EXPORT_SYMBOL_GPL(wd_link_ring);

/* Running peers of the link (> 0), 0, or -errno. */
static long shm_peers(const struct wd_shm *shm)
{
	return shm_hvc(WD_HC_LINK_STATE, shm->link, 0);
}

static irqreturn_t shm_doorbell(int irq, void *data)
{
	struct wd_shm *shm = data;

	atomic64_inc(&shm->doorbells);
	wake_up_interruptible(&shm->wait);
	return IRQ_HANDLED;
}

/*
 * The peer count is asked before each wait: a peer that stops after
 * that rings the doorbell (Warden does), which ends the wait.
 */
static long shm_wait(struct wd_shm *shm, bool nonblock)
{
	long peers;

	for (;;) {
		if (atomic64_read(&shm->doorbells))
			return 0;
		peers = shm_peers(shm);
		if (peers <= 0)
			return peers ? peers : -EPIPE;
		if (nonblock)
			return -EAGAIN;
		if (wait_event_interruptible(shm->wait,
					     atomic64_read(&shm->doorbells)))
			return -ERESTARTSYS;
	}
}

static ssize_t shm_read(struct file *file, char __user *buf, size_t len,
			loff_t *pos)
{
	struct wd_shm *shm = file_shm(file);
	long err;
	u64 n;

	if (len < sizeof(n))
		return -EINVAL;
	err = shm_wait(shm, file->f_flags & O_NONBLOCK);
	if (err)
		return err;
	n = atomic64_xchg(&shm->doorbells, 0);
	return copy_to_user(buf, &n, sizeof(n)) ? -EFAULT : sizeof(n);
}

static ssize_t shm_write(struct file *file, const char __user *buf, size_t len,
			 loff_t *pos)
{
	struct wd_shm *shm = file_shm(file);
	u64 target;
	long ret;

	if (len != sizeof(target))
		return -EINVAL;
	if (copy_from_user(&target, buf, sizeof(target)))
		return -EFAULT;
	ret = shm_hvc(WD_HC_DOORBELL, shm->link, target);
	/* -EAGAIN: peers exist, none runs; -ENOENT for all: none exists */
	if (ret == -EAGAIN ||
	    (ret == -ENOENT && target == WD_DOORBELL_ALL_PEERS))
		return -EPIPE;
	return ret < 0 ? ret : sizeof(target);
}

static __poll_t shm_poll(struct file *file, poll_table *wait)
{
	struct wd_shm *shm = file_shm(file);

	poll_wait(file, &shm->wait, wait);
	if (atomic64_read(&shm->doorbells))
		return EPOLLIN | EPOLLRDNORM | EPOLLOUT;
	return shm_peers(shm) > 0 ? EPOLLOUT : EPOLLHUP | EPOLLERR;
}

/* Non-cacheable: the inmate reads and writes memory with its MMU off. */
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct wd_shm *shm = file_shm(file);
	unsigned long len = vma->vm_end - vma->vm_start;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;

	if (!wd_is_enabled())
		return -ENODEV;
	if (off >= shm->size || len > shm->size - off)
		return -EINVAL;
	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start,
			       (shm->phys + off) >> PAGE_SHIFT, len,
			       vma->vm_page_prot);
}

static const struct file_operations shm_fops = {
	.owner = THIS_MODULE,
	.read = shm_read,
	.write = shm_write,
	.poll = shm_poll,
	.mmap = shm_mmap,
	.llseek = noop_llseek,
};

static int shm_probe_resources(struct platform_device *pdev, struct wd_shm *shm)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	if (!res || !PAGE_ALIGNED(res->start) ||
	    !PAGE_ALIGNED(resource_size(res)))
		return dev_err_probe(&pdev->dev, -EINVAL,
				     "needs a page-aligned reg\n");
	if (of_property_read_u32(pdev->dev.of_node, "warden,link", &shm->link))
		return dev_err_probe(&pdev->dev, -EINVAL,
				     "needs warden,link\n");
	shm->phys = res->start;
	shm->size = resource_size(res);
	return 0;
}

static int shm_probe(struct platform_device *pdev)
{
	struct wd_shm *shm = devm_kzalloc(&pdev->dev, sizeof(*shm), GFP_KERNEL);
	int irq, err;

	if (!shm)
		return -ENOMEM;
	/* warden-net.ko's (Documentation/vnet.md): let it bind the node */
	if (of_device_is_compatible(pdev->dev.of_node, "warden,ivshmem-net"))
		return -ENODEV;
	err = shm_probe_resources(pdev, shm);
	if (err)
		return err;
	init_waitqueue_head(&shm->wait);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	err = devm_request_irq(&pdev->dev, irq, shm_doorbell, 0,
			       dev_name(&pdev->dev), shm);
	if (err)
		return err;
	snprintf(shm->name, sizeof(shm->name), "warden-shm%u", shm->link);
	shm->misc = (struct miscdevice){.minor = MISC_DYNAMIC_MINOR,
					.name = shm->name,
					.fops = &shm_fops,
					.mode = 0600};
	platform_set_drvdata(pdev, shm);
	return misc_register(&shm->misc);
}

static int shm_remove(struct platform_device *pdev)
{
	struct wd_shm *shm = platform_get_drvdata(pdev);

	misc_deregister(&shm->misc);
	return 0;
}

static const struct of_device_id shm_of_match[] = {
	{.compatible = "warden,ivshmem"},
	{},
};
MODULE_DEVICE_TABLE(of, shm_of_match);

struct platform_driver wd_shm_driver = {
	.probe = shm_probe,
	.remove = shm_remove,
	.driver = {.name = "warden-ivshmem", .of_match_table = shm_of_match},
};
