// SPDX-License-Identifier: GPL-2.0
/*
 * Finding out whether EL2 is ours to take, and mapping config CPUs to
 * Linux CPUs.
 *
 * Linux 6.1 does not export is_hyp_mode_available(), so we ask the
 * hardware and the stub: ID_AA64PFR0_EL1.EL2 says whether EL2 exists at
 * all (QEMU virtualization=off: it does not, and an hvc would be an
 * undefined instruction); CurrentEL says whether Linux itself runs at EL2
 * (VHE); and an hvc with a function the stub does not know must come back
 * as HVC_STUB_ERR. KVM's nVHE host handler, another hypervisor below
 * Linux, or a Warden left enabled all answer something else.
 *
 * KVM that initialised but runs no VM has put the stub back, yet it would
 * take EL2 again for its first VM: kvm_init() having run (it sets
 * kvm_debugfs_dir, NULL when kvm-arm.mode=none stopped it) counts as KVM
 * owning EL2.
 */
#include <linux/cpu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/smp.h>
#include <asm/cputype.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include <warden/config.h>
#include "warden.h"

#define PFR0_EL2_SHIFT 8
#define STUB_PROBE 4 /* HVC_STUB_HCALL_NR: not a stub call */

extern struct dentry *kvm_debugfs_dir;

static bool kvm_initialised(void)
{
	struct dentry **dir = symbol_get(kvm_debugfs_dir);
	bool on = dir && *dir;

	if (dir)
		symbol_put(kvm_debugfs_dir);
	return on;
}

unsigned long wd_hvc(unsigned long x0, unsigned long x1, unsigned long x2,
		     unsigned long x3, unsigned long x4)
{
	register unsigned long r0 asm("x0") = x0;
	register unsigned long r1 asm("x1") = x1;
	register unsigned long r2 asm("x2") = x2;
	register unsigned long r3 asm("x3") = x3;
	register unsigned long r4 asm("x4") = x4;

	asm volatile("hvc #0"
		     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4)
		     :
		     : "memory");
	return r0;
}

int wd_el2_check(void)
{
	u64 pfr0 = read_sysreg(id_aa64pfr0_el1);

	if (!((pfr0 >> PFR0_EL2_SHIFT) & 0xf)) {
		wd_err("this CPU has no EL2 (QEMU: "
		       "virtualization=on)\n");
		return -ENODEV;
	}
	if (is_kernel_in_hyp_mode()) {
		wd_err("Linux runs at EL2 (VHE); boot with "
		       "kvm-arm.mode=none on a non-VHE setup\n");
		return -EBUSY;
	}
	if (kvm_initialised()) {
		wd_err("KVM owns EL2: boot with kvm-arm.mode=none\n");
		return -EBUSY;
	}
	if (wd_hvc(STUB_PROBE, 0, 0, 0, 0) != HVC_STUB_ERR) {
		wd_err("EL2 is not Linux's hyp stub (KVM? boot with "
		       "kvm-arm.mode=none)\n");
		return -EBUSY;
	}
	return 0;
}

static void read_mpidr(void *out)
{
	*(u64 *)out = read_cpuid_mpidr() & MPIDR_HWID_BITMASK;
}

static int config_cpu_of(const struct wd_system *sys, u64 mpidr)
{
	unsigned int i;

	for (i = 0; i < sys->platform.num_cpus && i < WD_MAX_CPUS; i++)
		if ((sys->platform.arm64.mpidr[i] & MPIDR_HWID_BITMASK) ==
		    mpidr)
			return i;
	return -1;
}

/* MPIDR of a possible CPU from the device tree: it may be offline. */
static int dt_mpidr(unsigned int cpu, u64 *mpidr)
{
	struct device_node *dn = of_get_cpu_node(cpu, NULL);
	const __be32 *reg;
	int len;

	if (!dn)
		return -ENODEV;
	reg = of_get_property(dn, "reg", &len);
	if (reg && len >= 4)
		*mpidr = of_read_number(reg, len / 4) & MPIDR_HWID_BITMASK;
	of_node_put(dn);
	return reg && len >= 4 ? 0 : -ENODEV;
}

static int cpu_mpidr(unsigned int cpu, u64 *mpidr)
{
	if (cpu_online(cpu))
		return smp_call_function_single(cpu, read_mpidr, mpidr, 1);
	return dt_mpidr(cpu, mpidr);
}

/*
 * Every possible Linux CPU must be a CPU of cpu_set (Warden has to own
 * all of them) and every CPU of cpu_set must exist in Linux.
 */
int wd_map_cpus(const struct wd_system *sys, u64 cpu_set,
		struct wd_cpu_map *map)
{
	unsigned int cpu;
	u64 mpidr;
	int idx;

	memset(map, 0, sizeof(*map));
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_possible(cpu))
			continue;
		if (cpu_mpidr(cpu, &mpidr))
			return -ENODEV;
		idx = config_cpu_of(sys, mpidr);
		if (idx < 0 || !(cpu_set & BIT_ULL(idx)) || map->present[idx]) {
			wd_err("Linux CPU %u (MPIDR %llx) is not a "
			       "root CPU of the config\n",
			       cpu, mpidr);
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
