// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 half of the driver (warden.h, "arch_<arch>.c"): AMD SVM with
 * nested paging, APIC IDs, the TSC.
 *
 * There is no hyp stub on x86: Warden's entry is a plain function in the
 * hypervisor range, which the driver maps executable (write-back, like
 * the rest of Linux's RAM) and calls with interrupts off on each CPU. It
 * returns, like the arm64 stub call, with Linux running as the root
 * cell's guest (Documentation/x86.md). The mapping stays until module
 * unload: disable leaves through it (Warden jumps back into Linux's
 * address space at this alias).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/cpufeature.h>
#include <asm/msr.h>
#include <asm/set_memory.h>
#include <asm/smp.h>

#include <warden/config.h>
#include <warden/hv_image.h>
#include <warden/hypercall.h>
#include "warden.h"

#define VM_CR_SVMDIS BIT(4) /* MSR_VM_CR: firmware locked SVM off */

static void *hv_va; /* the hypervisor range, executable */
static phys_addr_t hv_pa;
static u64 hv_len;

int wd_el2_check(void)
{
	u64 efer, vm_cr;

	if (!boot_cpu_has(X86_FEATURE_SVM)) {
		wd_err("this CPU has no AMD SVM (QEMU: -cpu max or "
		       "-cpu EPYC; Intel VMX is not supported)\n");
		return -ENODEV;
	}
	if (!boot_cpu_has(X86_FEATURE_NPT)) {
		wd_err("this CPU has SVM but no nested paging (NPT)\n");
		return -ENODEV;
	}
	rdmsrl(MSR_VM_CR, vm_cr);
	if (vm_cr & VM_CR_SVMDIS) {
		wd_err("SVM is disabled by the firmware (VM_CR.SVMDIS)\n");
		return -ENODEV;
	}
	rdmsrl(MSR_EFER, efer);
	if (wd_kvm_initialised() || (efer & EFER_SVME)) {
		wd_err("KVM owns SVM: boot with modprobe.blacklist=kvm_amd\n");
		return -EBUSY;
	}
	return 0;
}

/* Warden's hypercall: RAX = id, RDI, RSI, RDX = arguments (hypercalls.md). */
unsigned long wd_hvc(unsigned long x0, unsigned long x1, unsigned long x2,
		     unsigned long x3, unsigned long x4)
{
	asm volatile("vmmcall"
		     : "+a"(x0), "+D"(x1), "+S"(x2), "+d"(x3), "+c"(x4)
		     :
		     : "memory");
	return x0;
}

int wd_arch_cpu_hwid(unsigned int cpu, u64 *apic_id)
{
	u32 id = per_cpu(x86_cpu_to_apicid, cpu);

	if (id == BAD_APICID)
		return -ENODEV;
	*apic_id = id;
	return 0;
}

int wd_arch_config_cpu(const struct wd_system *sys, u64 apic_id)
{
	unsigned int i;

	for (i = 0; i < sys->platform.num_cpus && i < WD_MAX_CPUS; i++)
		if (sys->platform.x86.apic_id[i] == apic_id)
			return i;
	return -1;
}

void wd_flush_dcache(void *start, size_t size)
{
	clflush_cache_range(start, size);
}

/* The range is reserved RAM (memmap=): it has struct pages to vmap. */
static int map_range(phys_addr_t pa, u64 size)
{
	unsigned long i, n = size >> PAGE_SHIFT;
	struct page **pages;

	if (hv_va && hv_pa == pa && hv_len == size)
		return 0;
	wd_arch_exit();
	if (!pfn_valid(PHYS_PFN(pa)) || !pfn_valid(PHYS_PFN(pa + size - 1))) {
		wd_err("hypervisor range %llx has no memory map: reserve it "
		       "inside RAM (memmap=SIZE$ADDR)\n",
		       (u64)pa);
		return -EINVAL;
	}
	pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		pages[i] = pfn_to_page(PHYS_PFN(pa) + i);
	hv_va = vmap(pages, n, VM_MAP, PAGE_KERNEL_EXEC);
	kvfree(pages);
	if (!hv_va)
		return -ENOMEM;
	hv_pa = pa;
	hv_len = size;
	return 0;
}

typedef long (*wd_entry_fn)(u64 index, u64 cookie, u64 hv_start, u64 hv_size);

long wd_arch_enter(const struct wd_enter_args *a)
{
	unsigned long flags;
	wd_entry_fn entry;
	long ret;

	ret = map_range(a->hv_start, a->hv_size);
	if (ret)
		return ret;
	entry = (wd_entry_fn)(hv_va + (a->entry - a->hv_start));
	local_irq_save(flags);
	ret = entry(a->index, WD_ENTRY_COOKIE, a->hv_start, a->hv_size);
	local_irq_restore(flags);
	return ret;
}

long wd_arch_leave(void)
{
	unsigned long flags, ret;

	local_irq_save(flags);
	ret = wd_hvc(WD_HC_DISABLE, 0, 0, 0, 0);
	local_irq_restore(flags);
	return (long)ret;
}

u64 wd_arch_counter(void)
{
	return rdtsc_ordered();
}

void wd_arch_exit(void)
{
	if (hv_va)
		vunmap(hv_va);
	hv_va = NULL;
}
