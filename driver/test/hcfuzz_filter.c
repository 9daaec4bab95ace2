// SPDX-License-Identifier: GPL-2.0
/*
 * What the root fuzzer must not send, and the arguments it must change:
 * calls that do legitimately to the test what they are for (disable
 * Warden, stop or reload a live cell, power off a CPU Linux runs on,
 * switch the machine off), and CELL_MAPPINGS writes into Linux's own
 * RAM (the root may aim Warden at its own pages; Linux would not survive
 * a random one). Everything else goes to Warden as drawn: a hostile
 * root is exactly what it must survive. The list is in
 * docs/robustness.md.
 */
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <asm/cputype.h>

#include "hcfuzz.h"

#define PSCI_SMC64 0x40000000ull
#define PSCI_CPU_OFF 0x84000002ull
#define PSCI_CPU_ON 0x84000003ull
#define PSCI_SYSTEM_OFF 0x84000008ull
#define PSCI_SYSTEM_RESET 0x84000009ull
#define MPIDR_AFF_BITS 0xff00ffffffull /* as Warden compares them */

/* Linux CPU cpu's MPIDR from the DT, as the driver finds it. */
static int dt_mpidr(unsigned int cpu, u64 *mpidr)
{
	struct device_node *np = of_get_cpu_node(cpu, NULL);
	const __be32 *reg;
	int len = 0;

	if (!np)
		return -ENODEV;
	reg = of_get_property(np, "reg", &len);
	if (reg && len > 0)
		*mpidr = of_read_number(reg, len / 4) & MPIDR_AFF_BITS;
	of_node_put(np);
	return reg && len > 0 ? 0 : -ENODEV;
}

/*
 * CPUs Linux has offline that Warden still counts as the root's (parked,
 * as after `echo 0 > .../online`): a CPU_ON would start one behind
 * Linux's back. Warden's CPU n is taken to be Linux's CPU n (both follow
 * the DT order on QEMU virt). If the MPIDR of one is unknown, no CPU_ON
 * is sent at all.
 */
void hcf_find_root_offline(struct hcf_run *run)
{
	unsigned int cpu;
	u64 mpidr;

	run->num_root_offline = 0;
	run->no_cpu_on = false;
	for_each_possible_cpu(cpu)
	{
		if (cpu_online(cpu))
			continue;
		if (hcf_hvc(WD_HC_CELL_STATS, 0, cpu, WD_STAT_HYPERCALL) < 0)
			continue; /* a cell's CPU: CPU_ON must be refused */
		if (cpu >= HCF_MAX_CPUS || dt_mpidr(cpu, &mpidr)) {
			pr_warn("warden-hcfuzz: CPU %u: no MPIDR\n", cpu);
			run->no_cpu_on = true;
			continue;
		}
		run->root_offline_mpidr[run->num_root_offline++] = mpidr;
	}
}

static bool targets_root_offline(const struct hcf_run *run, u64 fid, u64 x1)
{
	u64 mpidr = fid & PSCI_SMC64 ? x1 : x1 & 0xffffffffull;
	unsigned int i;

	if (run->no_cpu_on)
		return true;
	for (i = 0; i < run->num_root_offline; i++)
		if (run->root_offline_mpidr[i] == (mpidr & MPIDR_AFF_BITS))
			return true;
	return false;
}

static int psci_skip(const struct hcf_run *run, const struct hcf_call *c)
{
	u64 fn = c->id & ~PSCI_SMC64;

	if (!hcf_is_psci(c->id))
		return -1;
	if (fn == PSCI_CPU_OFF)
		return HCF_SKIP_CPU_OFF;
	if (fn == PSCI_SYSTEM_OFF || fn == PSCI_SYSTEM_RESET)
		return HCF_SKIP_SYSTEM_OFF_RESET;
	if (fn == PSCI_CPU_ON && targets_root_offline(run, c->id, c->arg[0]))
		return HCF_SKIP_CPU_ON_ROOT;
	return -1;
}

/* A cell other than the root that exists now (the root is id 0). */
static bool live_cell(u64 id)
{
	return id != 0 && hcf_hvc(WD_HC_CELL_STATE, id, 0, 0) >= 0;
}

static int warden_skip(const struct hcf_call *c)
{
	switch (c->id) {
	case WD_HC_DISABLE:
		return HCF_SKIP_DISABLE;
	case WD_HC_CPU_PARK: /* takes a root CPU Linux runs on: as CPU_OFF */
		return HCF_SKIP_CPU_OFF;
	case WD_HC_CELL_SET_LOADABLE:
	case WD_HC_CELL_START:
	case WD_HC_CELL_SHUTDOWN:
	case WD_HC_CELL_DESTROY:
		return live_cell(c->arg[0]) ? HCF_SKIP_LIVE_CELL : -1;
	default:
		return -1;
	}
}

static bool linux_ram(u64 pa, u64 size)
{
	return page_is_ram(PHYS_PFN(pa)) ||
	       page_is_ram(PHYS_PFN(pa + size - 1));
}

/*
 * Linux's own RAM in x3 of CELL_MAPPINGS would be written by Warden:
 * aim it at our buffer instead (any offset in its first page). A valid
 * character would go to the console: only invalid ones are sent, and a
 * CONSOLE_WRITE that could read Linux's RAM gets a length past the limit.
 */
static void tame(struct hcf_run *run, struct hcf_call *c)
{
	u64 *buf = &c->arg[2];

	if (c->id == WD_HC_CELL_MAPPINGS &&
	    linux_ram(*buf, sizeof(struct wd_mappings))) {
		*buf = run->pages.out_pa + *buf % PAGE_SIZE;
		run->tamed[HCF_TAME_MAPPINGS_BUF]++;
	}
	if (c->id == WD_HC_CONSOLE_PUTC && c->arg[0] <= 0xff) {
		c->arg[0] |= 0x100;
		run->tamed[HCF_TAME_PUTC]++;
	}
	if (c->id == WD_HC_CONSOLE_WRITE && c->arg[1] <= WD_CONSOLE_WRITE_MAX &&
	    linux_ram(c->arg[0], c->arg[1] ?: 1)) {
		c->arg[1] |= 1ull << 20;
		run->tamed[HCF_TAME_WRITE]++;
	}
}

/* The reason not to send the call (enum hcf_skip), or -1: send it. */
int hcf_filter(struct hcf_run *run, struct hcf_call *call)
{
	int skip = psci_skip(run, call);

	if (skip < 0)
		skip = warden_skip(call);
	if (skip < 0)
		tame(run, call);
	return skip;
}
