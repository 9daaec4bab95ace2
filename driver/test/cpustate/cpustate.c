// SPDX-License-Identifier: GPL-2.0
/*
 * warden-cpustate.ko: test image only (scenario cpustate). Writing
 * "dirty CPU" to /sys/kernel/debug/warden-cpustate/ctl leaves odd values
 * in that CPU's PMU and debug registers (never enabling a counter, a
 * breakpoint or an interrupt) and reads them back; "show CPU" reads
 * them. Reading ctl gives the last report, one line:
 *   cpu 3: readback ok|BAD, nsh cleared|kept, typers clean|dirty, ...
 * Under Warden every PMU access here traps (MDCR_EL2.TPM) and is done
 * again at EL2, so the read-back also checks that emulation.
 *
 * Trust: none; this module is the previous owner a cell must not see.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/sysreg.h>

#define PMEV_U BIT(30)
#define PMEV_NSH BIT(27)
#define PMCR_D BIT(3)
#define PMCR_LC BIT(6)
#define PMCR_WRITABLE 0xffull
#define OSLSR_OSLK BIT(1)
#define MAX_COUNTERS 31
#define REPORT_SIZE 1024

struct cs_regs {
	u64 pmcr, pmselr, pmcnten, pminten, pmovs, pmuserenr, pmccfiltr;
	u64 pmccntr, n, typer[MAX_COUNTERS], cntr[MAX_COUNTERS];
	u64 bvr0, bcr0, wvr0, wcr0, oslsr;
};

static struct dentry *dir;
static char report[REPORT_SIZE];
static DEFINE_MUTEX(lock);

static u64 counters(void)
{
	return min_t(u64, (read_sysreg(pmcr_el0) >> 11) & 0x1f, MAX_COUNTERS);
}

static void read_regs(void *arg)
{
	struct cs_regs *r = arg;
	u64 i, sel = read_sysreg(pmselr_el0);

	r->n = counters();
	for (i = 0; i < r->n; i++) {
		write_sysreg(i, pmselr_el0);
		isb();
		r->typer[i] = read_sysreg(pmxevtyper_el0);
		r->cntr[i] = read_sysreg(pmxevcntr_el0);
	}
	write_sysreg(sel, pmselr_el0);
	isb();
	r->pmcr = read_sysreg(pmcr_el0) & PMCR_WRITABLE;
	r->pmselr = sel;
	r->pmcnten = read_sysreg(pmcntenset_el0);
	r->pminten = read_sysreg(pmintenset_el1);
	r->pmovs = read_sysreg(pmovsset_el0);
	r->pmuserenr = read_sysreg(pmuserenr_el0);
	r->pmccfiltr = read_sysreg(pmccfiltr_el0);
	r->pmccntr = read_sysreg(pmccntr_el0);
	r->bvr0 = read_sysreg(dbgbvr0_el1);
	r->bcr0 = read_sysreg(dbgbcr0_el1);
	r->wvr0 = read_sysreg(dbgwvr0_el1);
	r->wcr0 = read_sysreg(dbgwcr0_el1);
	r->oslsr = read_sysreg(oslsr_el1) & OSLSR_OSLK;
}

/* What dirty() writes; PMCCFILTR's NSH must come back cleared. */
static void want_regs(struct cs_regs *w, u64 n)
{
	u64 i;

	memset(w, 0, sizeof(*w));
	w->n = n;
	for (i = 0; i < n; i++) {
		w->typer[i] = PMEV_U | (0x10 + i);
		w->cntr[i] = 0x1000 + i;
	}
	w->pmcr = PMCR_D | PMCR_LC;
	w->pmselr = 2;
	w->pmcnten = BIT(0);
	w->pminten = BIT(1);
	w->pmovs = BIT(2);
	w->pmuserenr = 1;
	w->pmccfiltr = PMEV_U;
	w->pmccntr = 0x123456789ull;
	w->bvr0 = 0xffff800012345678ull & ~3ull;
	w->bcr0 = 0x1e0; /* E = 0 */
	w->wvr0 = 0xffff800012345670ull;
	w->wcr0 = 0x1ff8; /* E = 0 */
	w->oslsr = OSLSR_OSLK;
}

static void dirty(void *arg)
{
	struct cs_regs w;
	u64 i;

	want_regs(&w, counters());
	write_sysreg(w.pmcr, pmcr_el0); /* E = 0: nothing counts */
	for (i = 0; i < w.n; i++) {
		write_sysreg(i, pmselr_el0);
		isb();
		write_sysreg(w.typer[i], pmxevtyper_el0);
		write_sysreg(w.cntr[i], pmxevcntr_el0);
	}
	write_sysreg(w.pmselr, pmselr_el0);
	write_sysreg(w.pmcnten, pmcntenset_el0);
	write_sysreg(w.pminten, pmintenset_el1);
	write_sysreg(w.pmovs, pmovsset_el0);
	write_sysreg(w.pmuserenr, pmuserenr_el0);
	write_sysreg(w.pmccfiltr | PMEV_NSH, pmccfiltr_el0);
	write_sysreg(w.pmccntr, pmccntr_el0);
	write_sysreg(w.bvr0, dbgbvr0_el1);
	write_sysreg(w.bcr0, dbgbcr0_el1);
	write_sysreg(w.wvr0, dbgwvr0_el1);
	write_sysreg(w.wcr0, dbgwcr0_el1);
	write_sysreg(1, oslar_el1);
	isb();
	read_regs(arg);
}

static bool typers_clean(const struct cs_regs *r)
{
	u64 i;

	for (i = 0; i < r->n; i++)
		if (r->typer[i])
			return false;
	return !r->pmccfiltr;
}

static void write_report(unsigned int cpu, const struct cs_regs *r,
			 bool dirtied)
{
	struct cs_regs w;

	want_regs(&w, r->n);
	scnprintf(report, sizeof(report),
		  "cpu %u: readback %s, nsh %s, typers %s, counters %llu, "
		  "pmcr 0x%llx pmccfiltr 0x%llx pmevtyper0 0x%llx "
		  "pmcnten 0x%llx dbgbvr0 0x%llx dbgbcr0 0x%llx oslsr 0x%llx\n",
		  cpu,
		  dirtied ? (memcmp(&w, r, sizeof(w)) ? "BAD" : "ok") : "-",
		  r->pmccfiltr & PMEV_NSH ? "kept" : "cleared",
		  typers_clean(r) ? "clean" : "dirty", r->n, r->pmcr,
		  r->pmccfiltr, r->n ? r->typer[0] : 0, r->pmcnten, r->bvr0,
		  r->bcr0, r->oslsr);
}

static int run(const char *cmd, unsigned int cpu)
{
	struct cs_regs r = {};
	bool is_dirty = !strcmp(cmd, "dirty");
	int err;

	if (!is_dirty && strcmp(cmd, "show"))
		return -EINVAL;
	err = smp_call_function_single(cpu, is_dirty ? dirty : read_regs, &r,
				       1);
	if (!err)
		write_report(cpu, &r, is_dirty);
	return err;
}

static ssize_t ctl_write(struct file *file, const char __user *ubuf, size_t len,
			 loff_t *ppos)
{
	char buf[32], cmd[8];
	unsigned int cpu;
	int err;

	if (len >= sizeof(buf) || copy_from_user(buf, ubuf, len))
		return -EINVAL;
	buf[len] = '\0';
	if (sscanf(buf, "%7s %u", cmd, &cpu) != 2 || cpu >= nr_cpu_ids)
		return -EINVAL;
	mutex_lock(&lock);
	err = run(cmd, cpu);
	mutex_unlock(&lock);
	return err ?: len;
}

static ssize_t ctl_read(struct file *file, char __user *ubuf, size_t len,
			loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&lock);
	ret = simple_read_from_buffer(ubuf, len, ppos, report, strlen(report));
	mutex_unlock(&lock);
	return ret;
}

static const struct file_operations ctl_fops = {
	.owner = THIS_MODULE,
	.read = ctl_read,
	.write = ctl_write,
	.llseek = default_llseek,
};

static int __init cpustate_init(void)
{
	dir = debugfs_create_dir("warden-cpustate", NULL);
	debugfs_create_file("ctl", 0600, dir, NULL, &ctl_fops);
	return 0;
}

static void __exit cpustate_exit(void)
{
	debugfs_remove(dir);
}

module_init(cpustate_init);
module_exit(cpustate_exit);
MODULE_LICENSE("GPL");
