// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 half of the driver (warden.h, "arch_<arch>.c"): AMD SVM with
 * nested paging, APIC IDs, the TSC.
 *
 * There is no hyp stub on x86, and Linux maps nothing executable over the
 * hypervisor range (vmap and ioremap set NX). So the driver builds early
 * page tables in the image (its header's early_offset): the range
 * identity mapped and this file's trampoline page at its own address.
 * The trampoline (wd_x86_tramp, below) turns SVM on, clears GIF, switches
 * to those tables and jumps to Warden's entry; it continues as the root's
 * guest at wd_x86_resume. Warden comes back through the same page
 * (wd_x86_tramp_return) when a CPU leaves: disable, a failed enable, an
 * INIT (Documentation/x86.md).
 *
 * CPU hotplug: Linux onlines a CPU with INIT and SIPI, which Warden
 * emulates (arch/x86/apic.c): the CPU stays in Warden and boots Linux's
 * trampoline as the root's guest. Only a physical INIT (the root's IOAPIC
 * or an MSI) still resets it; then it enters again here (wd_cpu_online):
 * Documentation/x86.md, "CPU hotplug".
 */
#include <linux/cpuhotplug.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/io.h>
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

#define MSR_EFER_STR "0xc0000080"
#define PTE_P BIT(0)
#define PTE_RW BIT(1)
#define PTE_PS BIT(7)
#define PTE_ADDR 0x000ffffffffff000ull

/*
 * wd_x86_tramp(index, cookie, hv_start, hv_size, early_cr3, entry):
 * keeps the C ABI's callee-saved registers on Linux's stack, hands
 * Warden (entry.S) where to go on: rip = wd_x86_resume, rsp, CR3.
 * wd_x86_tramp_return: from Warden on the early tables, rax = CR3, rdx =
 * rsp, rcx = rip, r8 = rflags, r9 = result. wd_x86_leave_call: the
 * disable hypercall, which may return through it.
 */
asm(".pushsection .text.wd_tramp, \"ax\"\n"
    ".balign 4096\n"
    "wd_x86_tramp:\n"
    "	push %rbp\n	push %rbx\n	push %r12\n"
    "	push %r13\n	push %r14\n	push %r15\n"
    "	mov %rdx, %r12\n	mov %rcx, %r13\n"
    "	mov $" MSR_EFER_STR ", %ecx\n	rdmsr\n"
    "	or $0x1000, %eax\n	wrmsr\n	clgi\n"
    "	mov %r12, %rdx\n	mov %r13, %rcx\n"
    "	lea wd_x86_resume(%rip), %r10\n	mov %rsp, %r11\n"
    "	mov %cr3, %rax\n	mov %r8, %cr3\n"
    "	lea wd_x86_tramp_return(%rip), %r8\n"
    "	jmp *%r9\n"
    "wd_x86_resume:\n"
    "	pop %r15\n	pop %r14\n	pop %r13\n"
    "	pop %r12\n	pop %rbx\n	pop %rbp\n"
    "	ret\n	int3\n"
    "wd_x86_tramp_return:\n"
    "	mov %rax, %cr3\n	mov %rdx, %rsp\n"
    "	push %rcx\n	push %r8\n	mov %r9, %rsi\n"
    "	stgi\n	mov $" MSR_EFER_STR ", %ecx\n	rdmsr\n"
    "	and $~0x1000, %eax\n	wrmsr\n"
    "	mov %rsi, %rax\n	popfq\n	ret\n	int3\n"
    "wd_x86_leave_call:\n"
    "	push %rbp\n	push %rbx\n	push %r12\n"
    "	push %r13\n	push %r14\n	push %r15\n"
    "	mov %rdi, %rax\n	vmmcall\n"
    "	jmp wd_x86_resume\n"
    ".balign 4096\n"
    ".popsection\n");

long wd_x86_tramp(u64 index, u64 cookie, u64 hv_start, u64 hv_size,
		  u64 early_cr3, u64 entry);
long wd_x86_leave_call(u64 id);
extern u8 wd_x86_tramp_page[] asm("wd_x86_tramp");

static phys_addr_t hv_pa, hv_entry;
static u64 hv_len, early_cr3;
static int hp_state = -1;
static bool in_warden[NR_CPUS];

/* The next-level table of slot idx of t (at table_pa), made if missing. */
static u64 *next_table(u64 *pool, phys_addr_t pool_pa, unsigned int *used,
		       u64 *t, unsigned int idx)
{
	u64 *n;

	if (t[idx] & PTE_P)
		return pool + ((t[idx] & PTE_ADDR) - pool_pa) / 8;
	if (*used >= WD_X86_EARLY_PAGES)
		return NULL;
	n = pool + 512 * (*used)++;
	t[idx] = (pool_pa + (u64)(n - pool) * 8) | PTE_P | PTE_RW;
	return n;
}

/* One leaf at level (2: 2 MiB, 3: 4 KiB) mapping va to pa, executable. */
static int early_map(u64 *pool, phys_addr_t pool_pa, unsigned int *used, u64 va,
		     u64 pa, unsigned int level)
{
	u64 *t = pool;
	unsigned int l;

	for (l = 0; l < level && t; l++)
		t = next_table(pool, pool_pa, used, t,
			       (va >> (39 - 9 * l)) & 511);
	if (!t)
		return -ENOMEM;
	t[(va >> (39 - 9 * level)) & 511] =
		pa | PTE_P | PTE_RW | (level < 3 ? PTE_PS : 0);
	return 0;
}

/* Into the image's early pool: the range in 2 MiB pages, the trampoline. */
static int build_early(phys_addr_t pa, u64 size, u64 early_offset)
{
	phys_addr_t pool_pa = pa + early_offset;
	unsigned int used = 1;
	u64 *pool, off, tramp = (u64)wd_x86_tramp_page;
	int err = 0;

	if ((pa | size) & (SZ_2M - 1) || !early_offset ||
	    early_offset + WD_X86_EARLY_PAGES * PAGE_SIZE > size) {
		wd_err("hypervisor range %llx+%llx: x86 needs it 2 MiB "
		       "aligned\n",
		       (u64)pa, size);
		return -EINVAL;
	}
	pool = memremap(pool_pa, WD_X86_EARLY_PAGES * PAGE_SIZE, MEMREMAP_WB);
	if (!pool)
		return -ENOMEM;
	memset(pool, 0, WD_X86_EARLY_PAGES * PAGE_SIZE);
	for (off = 0; off < size && !err; off += SZ_2M)
		err = early_map(pool, pool_pa, &used, pa + off, pa + off, 2);
	if (!err)
		err = early_map(pool, pool_pa, &used, tramp,
				PFN_PHYS(vmalloc_to_pfn(wd_x86_tramp_page)), 3);
	memunmap(pool);
	early_cr3 = pool_pa;
	return err;
}

const u32 wd_arch_id = WD_ARCH_X86;

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
	if (pgtable_l5_enabled()) {
		wd_err("Linux uses 5-level paging: boot with no5lvl\n");
		return -EINVAL;
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

static bool any_in_warden(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) if (READ_ONCE(in_warden[cpu])) return true;
	return false;
}

/*
 * The first CPU of an enable builds the early tables (the image was just
 * copied); later ones find them. The header was checked by enable.c.
 */
long wd_arch_enter(const struct wd_enter_args *a)
{
	unsigned long flags;
	long ret = 0;

	if (!any_in_warden()) {
		const struct wd_image_header *h =
			memremap(a->hv_start, sizeof(*h), MEMREMAP_WB);

		if (!h)
			return -ENOMEM;
		ret = build_early(a->hv_start, a->hv_size, h->early_offset);
		memunmap((void *)h);
	}
	if (ret)
		return ret;
	hv_pa = a->hv_start;
	hv_len = a->hv_size;
	hv_entry = a->entry;
	local_irq_save(flags);
	ret = wd_x86_tramp(a->index, WD_ENTRY_COOKIE, a->hv_start, a->hv_size,
			   early_cr3, a->entry);
	local_irq_restore(flags);
	if (!ret)
		WRITE_ONCE(in_warden[smp_processor_id()], true);
	return ret;
}

long wd_arch_leave(void)
{
	unsigned long flags;
	long ret;

	local_irq_save(flags);
	ret = wd_x86_leave_call(WD_HC_DISABLE);
	local_irq_restore(flags);
	if (!ret)
		WRITE_ONCE(in_warden[smp_processor_id()], false);
	return ret;
}

void *wd_arch_map_image(phys_addr_t start, size_t size)
{
	return memremap(start, size, MEMREMAP_WB);
}

u64 wd_arch_counter(void)
{
	return rdtsc_ordered();
}

/*
 * Warden emulates the INIT and SIPI that online a CPU (arch/x86/apic.c):
 * the CPU comes up as the root's guest, where EFER.SVME reads as set
 * (Warden keeps it in the guest's EFER). Only a CPU a physical INIT
 * reset (defence: arch/x86/exit.c) has it clear and must enter again.
 */
static bool still_in_warden(unsigned int cpu)
{
	u64 efer;

	rdmsrl(MSR_EFER, efer);
	return efer & EFER_SVME;
}

/* A CPU Linux brought (back) online while Warden runs: enter it again? */
static int wd_cpu_online(unsigned int cpu)
{
	struct wd_enter_args a = {
		.entry = hv_entry, .hv_start = hv_pa, .hv_size = hv_len};
	long err;

	if (!wd_is_enabled() || !hv_entry || still_in_warden(cpu))
		return 0;
	/* It was reset by a physical INIT: Warden let it go (exit.c). */
	WRITE_ONCE(in_warden[cpu], false);
	for (a.index = 0; a.index < ARRAY_SIZE(wd_cpus.present); a.index++)
		if (wd_cpus.present[a.index] &&
		    wd_cpus.linux_cpu[a.index] == cpu)
			break;
	if (a.index == ARRAY_SIZE(wd_cpus.present))
		return 0;
	err = wd_arch_enter(&a);
	if (err)
		pr_err("warden: CPU %u did not enter Warden again: %ld\n", cpu,
		       err);
	return 0;
}

int wd_arch_init(void)
{
	hp_state = cpuhp_setup_state_nocalls(
		CPUHP_AP_ONLINE_DYN, "warden:online", wd_cpu_online, NULL);
	return hp_state < 0 ? hp_state : 0;
}

void wd_arch_exit(void)
{
	if (hp_state >= 0)
		cpuhp_remove_state_nocalls(hp_state);
	hp_state = -1;
}
