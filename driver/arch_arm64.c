// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 half of the driver (warden.h, "arch_<arch>.c"): EL2 through
 * Linux's hyp stub, MPIDRs, cache maintenance, the counter.
 *
 * Linux 6.1 does not export is_hyp_mode_available(), so we ask the
 * hardware and the stub: ID_AA64PFR0_EL1.EL2 says whether EL2 exists at
 * all (QEMU virtualization=off: it does not, and an hvc would be an
 * undefined instruction); CurrentEL says whether Linux itself runs at EL2
 * (VHE); and an hvc with a function the stub does not know must come back
 * as HVC_STUB_ERR. KVM's nVHE host handler, another hypervisor below
 * Linux, or a Warden left enabled all answer something else.
 */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/smp.h>
#include <asm/cputype.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include <warden/config.h>
#include <warden/hv_image.h>
#include <warden/hypercall.h>
#include "warden.h"

#define PFR0_EL2_SHIFT 8
#define STUB_PROBE 4 /* HVC_STUB_HCALL_NR: not a stub call */

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

const u32 wd_arch_id = WD_ARCH_ARM64;

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
	if (wd_kvm_initialised()) {
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

int wd_arch_config_cpu(const struct wd_system *sys, u64 mpidr)
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

int wd_arch_cpu_hwid(unsigned int cpu, u64 *mpidr)
{
	if (cpu_online(cpu))
		return smp_call_function_single(cpu, read_mpidr, mpidr, 1);
	return dt_mpidr(cpu, mpidr);
}

/*
 * Clean and invalidate to the point of coherency (by VA, any attributes).
 * Four lines a turn: enable flushes the 1.25 MiB image, 20,480 lines.
 */
void wd_flush_dcache(void *start, size_t size)
{
	u64 ctr = read_sysreg(ctr_el0);
	size_t line = 4 << ((ctr >> 16) & 0xf);
	unsigned long p = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; p + 4 * line <= end; p += 4 * line)
		asm volatile("dc civac, %0\n\tdc civac, %1\n\t"
			     "dc civac, %2\n\tdc civac, %3"
			     :
			     : "r"(p), "r"(p + line), "r"(p + 2 * line),
			       "r"(p + 3 * line)
			     : "memory");
	for (; p < end; p += line)
		asm volatile("dc civac, %0" : : "r"(p) : "memory");
	dsb(sy);
}

long wd_arch_enter(const struct wd_enter_args *a)
{
	unsigned long flags, ret;

	local_irq_save(flags);
	ret = wd_hvc(HVC_SOFT_RESTART, a->entry, a->index, WD_ENTRY_COOKIE,
		     a->hv_size);
	local_irq_restore(flags);
	return (long)ret;
}

long wd_arch_leave(void)
{
	unsigned long flags, ret;

	local_irq_save(flags);
	ret = wd_hvc(WD_HC_DISABLE, 0, 0, 0, 0);
	local_irq_restore(flags);
	return (long)ret;
}

void *wd_arch_map_image(phys_addr_t start, size_t size)
{
	return memremap(start, size, MEMREMAP_WC);
}

u64 wd_arch_counter(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

int wd_arch_init(void)
{
	return 0;
}

void wd_arch_exit(void)
{
}
