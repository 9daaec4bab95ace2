// SPDX-License-Identifier: GPL-2.0
/*
 * One fuzzing run: draw, filter, send, count, for run->calls calls, in
 * the context of the process that asked (it can be killed; the CPU is
 * given up every HCF_YIELD_EVERY calls).
 */
#include <linux/arm-smccc.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

#include "hcfuzz.h"

#define HCF_YIELD_EVERY 256
#define PSCI_CPU_ON 0x84000003ull
#define PSCI_SMC64 0x40000000ull

/* Through the kernel's exported SMCCC helper: hvc #0, result in x0. */
long hcf_hvc(u64 id, u64 a1, u64 a2, u64 a3)
{
	struct arm_smccc_res res;

	__arm_smccc_hvc(id, a1, a2, a3, 0, 0, 0, 0, &res, NULL);
	return (long)res.a0;
}

/*
 * With every live cell filtered out and every root CPU online or
 * filtered, none of these can succeed: a success is a Warden bug.
 */
static bool must_fail(u64 id)
{
	switch (id) {
	case WD_HC_CELL_CREATE:
	case WD_HC_CELL_SET_LOADABLE:
	case WD_HC_CELL_START:
	case WD_HC_CELL_SHUTDOWN:
	case WD_HC_CELL_DESTROY:
		return true;
	default:
		return hcf_is_psci(id) && (id & ~PSCI_SMC64) == PSCI_CPU_ON;
	}
}

/*
 * The call each CPU is making now, for the inflight file: if a call never
 * comes back (the CPU hangs in Warden), another CPU can still read which.
 */
struct hcf_inflight {
	u64 busy;
	u64 since_ns;
	struct hcf_call call;
};

static struct hcf_inflight inflight[HCF_MAX_CPUS];

static void mark_inflight(const struct hcf_call *c, bool busy)
{
	unsigned int cpu = raw_smp_processor_id();

	if (cpu >= HCF_MAX_CPUS)
		return;
	if (busy) {
		inflight[cpu].call = *c;
		WRITE_ONCE(inflight[cpu].since_ns, ktime_get_ns());
	}
	smp_store_release(&inflight[cpu].busy, busy);
}

/* The call may be the CPU's next one already: its start is after now. */
static int inflight_line(unsigned int cpu, char *buf, size_t size)
{
	const struct hcf_inflight *f = &inflight[cpu];
	u64 now = ktime_get_ns(), since;

	if (!smp_load_acquire(&f->busy))
		return scnprintf(buf, size, "cpu %u: idle\n", cpu);
	since = READ_ONCE(f->since_ns);
	return scnprintf(buf, size,
			 "cpu %u: id 0x%llx x1 0x%llx x2 0x%llx x3 0x%llx "
			 "for %llu ms\n",
			 cpu, f->call.id, f->call.arg[0], f->call.arg[1],
			 f->call.arg[2],
			 now > since ? (now - since) / 1000000 : 0);
}

size_t hcf_inflight_report(char *buf, size_t size)
{
	size_t n = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < HCF_MAX_CPUS && cpu < nr_cpu_ids; cpu++)
		n += inflight_line(cpu, buf + n, size - n);
	return n;
}

static void one_call(struct hcf_run *run)
{
	struct hcf_call c;
	int skip;
	long ret;

	hcf_draw(run, &c);
	skip = hcf_filter(run, &c);
	if (skip >= 0) {
		run->skipped[skip]++;
		return;
	}
	mark_inflight(&c, true);
	ret = hcf_hvc(c.id, c.arg[0], c.arg[1], c.arg[2]);
	mark_inflight(&c, false);
	run->sent++;
	hcf_count(&run->table, c.id, ret);
	if (must_fail(c.id) && ret >= 0)
		run->anomalies++;
}

int hcf_run(struct hcf_run *run)
{
	ktime_t start = ktime_get();
	int err = 0;
	u64 n;

	run->rng = run->seed | 1;
	hcf_find_root_offline(run);
	for (n = 0; n < run->calls; n++) {
		one_call(run);
		if (n % HCF_YIELD_EVERY)
			continue;
		cond_resched();
		if (fatal_signal_pending(current)) {
			err = -EINTR;
			break;
		}
	}
	run->calls = n;
	run->ns = ktime_to_ns(ktime_sub(ktime_get(), start));
	run->canary_intact = hcf_canary_intact(&run->pages);
	return err;
}
