// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a CPU over with AMD SVM: the host save area, one VMCB whose
 * guest state is the running Linux's (struct x86_return: where it called
 * the driver), the intercepts isolation needs (Documentation/x86.md) and
 * the root's nested page table. Giving it back is entry.S's linux_return.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/layout.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/string.h>

#define CPUID_SVM_FEATURES 0x8000000a
#define CPUID_NPT BIT(0)
/* Long-mode code, present, DPL 0; data, present, writable, 4 GiB. */
#define SEG_CODE64 0xa9b
#define SEG_DATA 0xc93

/* Each CPU's VMCB and host save area (bss: zeroed with every image). */
static u8 svm_pages[WD_MAX_CPUS_HV][2][4096] __attribute__((aligned(4096)));
/* One MSR permission map for every CPU: 2 bits (read, write) per MSR. */
static u8 msrpm[8192] __attribute__((aligned(4096)));

/* rw_bits: 1 read, 2 write; on: intercepted. Only the 3 mapped ranges. */
void x86_msrpm_set(u8 *map, u32 msr, unsigned int rw_bits, bool on)
{
	u32 base = msr >= 0xc0010000u ? 0x1000 : msr >= 0xc0000000u ? 0x800 : 0;
	u32 bit = (msr & 0x1fff) * 2;
	u8 mask = (u8)(rw_bits << (bit % 8));

	if (on)
		map[base + bit / 8] |= mask;
	else
		map[base + bit / 8] &= (u8)~mask;
}

/* EFER and APIC base writes, the SVM MSRs read and written. */
static void msrpm_init(void)
{
	if (msrpm[0x820])
		return;
	x86_msrpm_set(msrpm, MSR_EFER, 2, true);
	x86_msrpm_set(msrpm, MSR_VM_CR, 3, true);
	x86_msrpm_set(msrpm, MSR_VM_HSAVE_PA, 3, true);
	x86_msrpm_set(msrpm, MSR_APIC_BASE, 2,
		      true); /* the xAPIC must stay put */
}

static void seg(void *vmcb, unsigned int off, u16 sel, u16 attrib)
{
	struct vmcb_seg *s = (struct vmcb_seg *)((u8 *)vmcb + off);

	*s = (struct vmcb_seg){sel, sel || off == VMCB_CS ? attrib : 0,
			       0xffffffff, 0};
}

/* The descriptor tables and segments Linux has now (host = guest). */
static void guest_segments(void *vmcb)
{
	struct __attribute__((packed)) {
		u16 limit;
		u64 base;
	} dt;
	u16 cs, ss, ds, es;

	asm volatile("mov %%cs, %0; mov %%ss, %1; mov %%ds, %2; mov %%es, %3"
		     : "=r"(cs), "=r"(ss), "=r"(ds), "=r"(es));
	seg(vmcb, VMCB_CS, cs, SEG_CODE64);
	seg(vmcb, VMCB_SS, ss, SEG_DATA);
	seg(vmcb, VMCB_DS, ds, SEG_DATA);
	seg(vmcb, VMCB_ES, es, SEG_DATA);
	asm volatile("sgdt %0" : "=m"(dt));
	*(struct vmcb_seg *)((u8 *)vmcb + VMCB_GDTR) =
		(struct vmcb_seg){0, 0, dt.limit, dt.base};
	asm volatile("sidt %0" : "=m"(dt));
	*(struct vmcb_seg *)((u8 *)vmcb + VMCB_IDTR) =
		(struct vmcb_seg){0, 0, dt.limit, dt.base};
}

static void guest_state(void *vmcb, const struct x86_return *r)
{
	u64 dr6, dr7;

	asm volatile("mov %%dr6, %0; mov %%dr7, %1" : "=r"(dr6), "=r"(dr7));
	guest_segments(vmcb);
	*vmcb_u64(vmcb, VMCB_EFER) = rdmsr(MSR_EFER);
	*vmcb_u64(vmcb, VMCB_CR0) = read_cr(0);
	*vmcb_u64(vmcb, VMCB_CR2) = read_cr(2);
	*vmcb_u64(vmcb, VMCB_CR3) = r->cr3;
	*vmcb_u64(vmcb, VMCB_CR4) = read_cr(4);
	*vmcb_u64(vmcb, VMCB_DR6) = dr6;
	*vmcb_u64(vmcb, VMCB_DR7) = dr7;
	*vmcb_u64(vmcb, VMCB_RFLAGS) = r->rflags;
	*vmcb_u64(vmcb, VMCB_RIP) = r->rip;
	*vmcb_u64(vmcb, VMCB_RSP) = r->rsp;
	*vmcb_u64(vmcb, VMCB_RAX) = 0; /* wd_entry's result: enabled */
	*vmcb_u64(vmcb, VMCB_G_PAT) = rdmsr(MSR_PAT);
	*((u8 *)vmcb + VMCB_CPL) = 0;
}

static void vmcb_control(void *vmcb, const struct cell *cell)
{
	*(u32 *)((u8 *)vmcb + VMCB_INTERCEPT_MISC1) =
		(u32)(SVM_I_NMI | SVM_I_INIT | SVM_I_IOIO_PROT |
		      SVM_I_MSR_PROT | SVM_I_SHUTDOWN | SVM_I_INVLPGA);
	*(u32 *)((u8 *)vmcb + VMCB_INTERCEPT_MISC2) = SVM_I_SVM_INSNS;
	*vmcb_u64(vmcb, VMCB_MSRPM_PA) = paging_pa(msrpm);
	*vmcb_u64(vmcb, VMCB_IOPM_PA) = x86_iopm_of(&root_cell);
	*(u32 *)((u8 *)vmcb + VMCB_ASID) = cell->arch.asid;
	*vmcb_u64(vmcb, VMCB_NP_ENABLE) = 1;
	*vmcb_u64(vmcb, VMCB_N_CR3) = cell->arch.ncr3;
}

static bool has_npt(void)
{
	u32 a, b, c, d;

	asm volatile("cpuid"
		     : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
		     : "a"(CPUID_SVM_FEATURES), "c"(0));
	return d & CPUID_NPT;
}

int arch_cpu_init(struct percpu *pc)
{
	struct arch_percpu *a = &pc->arch;
	u8 *vmcb = svm_pages[pc->cpu_id][0];

	if (!has_npt()) {
		printk("CPU %u: no nested paging\n", pc->cpu_id);
		return -ENODEV;
	}
	write_cr3(x86_host_cr3); /* from the early tables to Warden's */
	memset(svm_pages[pc->cpu_id], 0, sizeof(svm_pages[0]));
	a->vmcb_pa = paging_pa(vmcb);
	a->hsave_pa = paging_pa(svm_pages[pc->cpu_id][1]);
	msrpm_init();
	wrmsr(MSR_VM_HSAVE_PA, a->hsave_pa);
	guest_state(vmcb, &a->ret);
	vmcb_control(vmcb, pc->cell);
	apic_cpu_init(pc);
	host_tables_load(); /* after guest_state() read Linux's */
	a->tlb_gen = pc->cell->arch.tlb_gen - 1; /* flush on the first run */
	return 0;
}

/* The return path (entry.S) turns SVM off; exit.c still reads the VMCB. */
void arch_cpu_exit(struct percpu *pc)
{
	(void)pc;
	wrmsr(MSR_VM_HSAVE_PA, 0);
}

/* Before each VMRUN: flush the cell's ASID if its tables changed. */
u64 x86_vmrun_prepare(struct percpu *pc)
{
	u8 *vmcb = paging_ptr(pc->arch.vmcb_pa);
	u32 gen;

	/* Before the generation is read: x86_tlb_shootdown() (nmi.c). */
	__atomic_store_n(&pc->arch.in_guest, 1, __ATOMIC_SEQ_CST);
	gen = __atomic_load_n(&pc->cell->arch.tlb_gen, __ATOMIC_SEQ_CST);

	vmcb[VMCB_TLB_CONTROL] = 0;
	if (pc->arch.tlb_gen != gen) {
		vmcb[VMCB_TLB_CONTROL] = TLB_CONTROL_FLUSH_ASID;
		pc->arch.tlb_gen = gen;
	}
	return pc->arch.vmcb_pa;
}

/* A parked CPU going back to the root (a SIPI): its control area. */
void x86_root_control(struct percpu *pc)
{
	vmcb_control(paging_ptr(pc->arch.vmcb_pa), &root_cell);
}
