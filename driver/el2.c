// SPDX-License-Identifier: GPL-2.0
/*
 * What every arch shares in taking the machine: whether KVM got there
 * first, and mapping config CPUs to Linux CPUs by their hardware IDs
 * (arch_<arch>.c reads those: MPIDR on arm64, the APIC ID on x86).
 *
 * KVM that initialised but runs no VM may have handed the hardware back
 * (arm64: the hyp stub; x86: EFER.SVME clear), yet it would take it again
 * for its first VM: kvm_init() having run (it sets kvm_debugfs_dir, NULL
 * when kvm-arm.mode=none stopped it or no vendor module loaded) counts as
 * KVM owning the virtualisation extensions.
 */
#include <linux/cpu.h>
#include <linux/module.h>
#include <linux/smp.h>

#include <warden/config.h>
#include "warden.h"

extern struct dentry *kvm_debugfs_dir;

bool wd_kvm_initialised(void)
{
	struct dentry **dir = symbol_get(kvm_debugfs_dir);
	bool on = dir && *dir;

	if (dir)
		symbol_put(kvm_debugfs_dir);
	return on;
}

/*
 * Every possible Linux CPU must be a CPU of cpu_set (Warden has to own
 * all of them) and every CPU of cpu_set must exist in Linux.
 */
int wd_map_cpus(const struct wd_system *sys, u64 cpu_set,
		struct wd_cpu_map *map)
{
	unsigned int cpu;
	u64 hwid;
	int idx;

	memset(map, 0, sizeof(*map));
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_possible(cpu))
			continue;
		if (wd_arch_cpu_hwid(cpu, &hwid))
			return -ENODEV;
		idx = wd_arch_config_cpu(sys, hwid);
		if (idx < 0 || !(cpu_set & BIT_ULL(idx)) || map->present[idx]) {
			wd_err("Linux CPU %u (hardware ID %llx) is not a "
			       "root CPU of the config\n",
			       cpu, hwid);
			return -EINVAL;
		}
		map->present[idx] = true;
		map->linux_cpu[idx] = cpu;
		map->num++;
	}
	if (map->num != hweight64(cpu_set)) {
		wd_err("the config's root CPUs are not all known to "
		       "Linux\n");
		return -EINVAL;
	}
	return 0;
}

/* Warden must hold every CPU: offline ones are brought up first. */
int wd_online_cpus(const struct wd_cpu_map *map)
{
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(map->present); i++) {
		if (!map->present[i] || cpu_online(map->linux_cpu[i]))
			continue;
		err = add_cpu(map->linux_cpu[i]);
		if (err) {
			wd_err("cannot online CPU %u: %d\n", map->linux_cpu[i],
			       err);
			return err;
		}
	}
	return 0;
}
