// SPDX-License-Identifier: GPL-2.0
/*
 * warden-hcfuzz.ko: test image only. Writing "CALLS [SEED]" to
 * /sys/kernel/debug/warden-hcfuzz/run makes CALLS fuzzed hypercalls from
 * the writing CPU and returns when they are done; reading the file gives
 * the reports of the runs so far (docs/robustness.md). Several writers
 * may run at once, each with its own state. inflight shows the call
 * each CPU is making, to name the call if one never returns. gicr
 * writes and reads GICv3 redistributor registers (hcfuzz_gicr.c).
 *
 * Trust: this module is the attacker. It refuses to run unless Warden
 * answers GET_INFO: under Linux's own hyp stub, a random ID 0 or 1
 * would move EL2's vectors or jump there.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <warden/version.h>

#include "hcfuzz.h"

#define LOG_SIZE (128 * 1024)
#define REPORT_SIZE (32 * 1024)
#define MAX_CALLS 100000000ull

static struct dentry *dir;
static char *log_text;
static size_t log_len;
static DEFINE_MUTEX(log_lock);

static bool warden_present(void)
{
	long want = (WARDEN_VERSION_MAJOR << 16) | WARDEN_VERSION_MINOR;

	return hcf_hvc(WD_HC_GET_INFO, WD_INFO_VERSION, 0, 0) == want;
}

/* Appends a report; when the log is full it starts again. */
static void log_report(const char *text, size_t len)
{
	mutex_lock(&log_lock);
	if (log_len + len > LOG_SIZE)
		log_len = 0;
	memcpy(log_text + log_len, text, len);
	log_len += len;
	mutex_unlock(&log_lock);
}

static int parse_request(const char __user *ubuf, size_t len, u64 *calls,
			 u64 *seed)
{
	char *text = memdup_user_nul(ubuf, min_t(size_t, len, 64));
	char *rest, *word;
	int err;

	if (IS_ERR(text))
		return PTR_ERR(text);
	rest = strim(text);
	word = strsep(&rest, " ");
	err = kstrtoull(word, 0, calls);
	*seed = get_random_u64();
	if (!err && rest && *rest)
		err = kstrtoull(strim(rest), 0, seed);
	kfree(text);
	if (!err && (!*calls || *calls > MAX_CALLS))
		err = -EINVAL;
	return err;
}

static int report(struct hcf_run *run)
{
	char *text = vmalloc(REPORT_SIZE);
	size_t len;

	if (!text)
		return -ENOMEM;
	len = hcf_report(run, text, REPORT_SIZE);
	log_report(text, len);
	pr_info("%.*s", (int)(strchrnul(text, '\n') - text + 1), text);
	vfree(text);
	return 0;
}

static int fuzz(u64 calls, u64 seed)
{
	struct hcf_run *run = vzalloc(sizeof(*run));
	int err;

	if (!run)
		return -ENOMEM;
	run->calls = calls;
	run->seed = seed;
	err = hcf_pages_alloc(&run->pages);
	if (!err) {
		err = hcf_run(run);
		err = report(run) ?: err;
		hcf_pages_free(&run->pages);
	}
	vfree(run);
	return err;
}

static ssize_t run_write(struct file *f, const char __user *ubuf, size_t len,
			 loff_t *pos)
{
	u64 calls, seed;
	int err = parse_request(ubuf, len, &calls, &seed);

	if (err)
		return err;
	if (!warden_present()) {
		pr_err("warden-hcfuzz: Warden is not enabled: nothing sent\n");
		return -ENODEV;
	}
	err = fuzz(calls, seed);
	return err ?: (ssize_t)len;
}

static ssize_t run_read(struct file *f, char __user *ubuf, size_t len,
			loff_t *pos)
{
	ssize_t ret;

	mutex_lock(&log_lock);
	ret = simple_read_from_buffer(ubuf, len, pos, log_text, log_len);
	mutex_unlock(&log_lock);
	return ret;
}

/* Read only: a line of at most INFLIGHT_LINE bytes per CPU. */
#define INFLIGHT_LINE 160

static ssize_t inflight_read(struct file *f, char __user *ubuf, size_t len,
			     loff_t *pos)
{
	size_t size = INFLIGHT_LINE * HCF_MAX_CPUS;
	char *text = kmalloc(size, GFP_KERNEL);
	ssize_t ret;

	if (!text)
		return -ENOMEM;
	ret = simple_read_from_buffer(ubuf, len, pos, text,
				      hcf_inflight_report(text, size));
	kfree(text);
	return ret;
}

static const struct file_operations inflight_fops = {
	.owner = THIS_MODULE,
	.read = inflight_read,
	.llseek = default_llseek,
};

static const struct file_operations run_fops = {
	.owner = THIS_MODULE,
	.read = run_read,
	.write = run_write,
	.llseek = default_llseek,
};

static int __init hcfuzz_init(void)
{
	log_text = vmalloc(LOG_SIZE);
	if (!log_text)
		return -ENOMEM;
	dir = debugfs_create_dir("warden-hcfuzz", NULL);
	debugfs_create_file("run", 0600, dir, NULL, &run_fops);
	debugfs_create_file("inflight", 0400, dir, NULL, &inflight_fops);
	hcf_gicr_create(dir);
	return 0;
}

static void __exit hcfuzz_exit(void)
{
	debugfs_remove(dir);
	vfree(log_text);
}

module_init(hcfuzz_init);
module_exit(hcfuzz_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Warden test only: hypercall fuzzing from the root cell");
