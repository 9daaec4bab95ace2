// SPDX-License-Identifier: GPL-2.0
/*
 * A cell's CPUs leave Linux through CPU hotplug (remove_cpu(): Linux
 * migrates its work away and calls PSCI CPU_OFF, which parks the CPU in
 * Warden; on x86 WD_HC_CPU_PARK takes it out of Linux's offline loop)
 * and come back the same way (add_cpu(): PSCI CPU_ON, which Warden
 * allows once the CPU is the root's again; on x86 INIT and SIPI, after
 * which the driver enters Warden on it again, arch_x86.c).
 */
#include <linux/cpu.h>
#include <linux/kernel.h>

#include <warden/hypercall.h>

#include "cells.h"
#include "warden.h"

static int offline_one(const struct wd_cell_entry *e, unsigned int cpu)
{
	int ret;

	if (!wd_cpus.present[cpu]) {
		wd_err("cell '%s': CPU %u is not one of Linux's\n", e->name,
		       cpu);
		return -EINVAL;
	}
	ret = remove_cpu(wd_cpus.linux_cpu[cpu]);
	if (ret < 0) {
		wd_err("cell '%s': Linux cannot give up CPU %u: error %d\n",
		       e->name, wd_cpus.linux_cpu[cpu], ret);
		return ret;
	}
	/* x86: Linux's offline loop is still the root's guest (arm64: 0) */
	ret = (int)wd_hvc(WD_HC_CPU_PARK, cpu, 0, 0, 0);
	if (ret < 0)
		wd_err("cell '%s': Warden cannot park CPU %u: error %d\n",
		       e->name, cpu, ret);
	return ret;
}

/* In CPU order; num_offline says how many to bring back on failure. */
int wd_cell_cpus_offline(struct wd_cell_entry *e)
{
	unsigned int cpu;
	int err;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		if (!(e->desc->cpu_set & BIT_ULL(cpu)))
			continue;
		err = offline_one(e, cpu);
		if (err)
			return err;
		e->num_offline++;
	}
	return 0;
}

void wd_cell_cpus_online(struct wd_cell_entry *e)
{
	unsigned int cpu, n = 0;
	int ret;

	for (cpu = 0; cpu < WD_MAX_CPUS && n < e->num_offline; cpu++) {
		if (!(e->desc->cpu_set & BIT_ULL(cpu)))
			continue;
		n++;
		ret = add_cpu(wd_cpus.linux_cpu[cpu]);
		if (ret < 0)
			wd_err("CPU %u stays offline (error %d): echo 1 > "
			       "/sys/devices/system/cpu/cpu%u/online\n",
			       wd_cpus.linux_cpu[cpu], ret,
			       wd_cpus.linux_cpu[cpu]);
	}
	e->num_offline = 0;
}

/* Config CPU numbers, as Linux prints CPU lists: "0-1", "2", "0,3". */
void wd_cpu_set_text(u64 cpu_set, char *buf, size_t size)
{
	unsigned long mask = cpu_set;

	if (!cpu_set)
		strscpy(buf, "-", size);
	else
		scnprintf(buf, size, "%*pbl", 64, &mask);
}
