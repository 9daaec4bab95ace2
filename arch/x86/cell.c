// SPDX-License-Identifier: GPL-2.0
/*
 * x86 cells: their ASID and nested tables, and a CPU entering one. A
 * cell's CPU starts from a fresh VMCB in the boot state of
 * Documentation/inmate-abi.md (x86): 32-bit protected mode, flat 4 GiB
 * segments, paging off, IF = 0, EAX = "WDEN", EBX = the CPU's index in
 * the cell. Everything it may not touch exits: the I/O ports and MSRs it
 * does not own (iopm.c and the map below), NMIs (kicks), INIT, SHUTDOWN,
 * the SVM instructions, VMMCALL.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/string.h>

#define INMATE_MAGIC 0x5744454eu /* "WDEN": started by Warden */
#define CR0_PE_ET 0x11
#define SEG_CODE32 0xc9b /* present, DPL 0, exec/read, 32-bit, 4 KiB units */
#define SEG_DATA32 0xc93
#define SEL_CODE 0x08
#define SEL_DATA 0x10
#define DR6_INIT 0xffff0ff0
#define DR7_INIT 0x400
#define PAT_INIT 0x0007040600070406ull

/*
 * Every cell's MSR map: all intercepted (a fault) except the MSRs of the
 * CPU's own state that an inmate sets up for long mode and system calls.
 * EFER writes exit (SVME stays, exit.c checks the rest); the APIC base
 * and TSC only read (moving the APIC would escape its trap; Warden
 * counts time with the TSC).
 */
static u8 cell_msrpm[8192] __attribute__((aligned(4096)));

static const u32 own_msrs[] = {
	0x174,	    0x175,	0x176,	    MSR_PAT,	0x6e0, /* SYSENTER, */
	0xc0000081, 0xc0000082, 0xc0000083, 0xc0000084, /* PAT, TSC */
	0xc0000100, 0xc0000101, 0xc0000102, 0xc0000103, /* deadline */
};

static void cell_msrpm_init(void)
{
	unsigned int i;

	if (cell_msrpm[0] == 0xff)
		return;
	memset(cell_msrpm, 0xff, sizeof(cell_msrpm));
	for (i = 0; i < sizeof(own_msrs) / sizeof(own_msrs[0]); i++)
		x86_msrpm_set(cell_msrpm, own_msrs[i], 3, false);
	x86_msrpm_set(cell_msrpm, MSR_EFER, 1, false);
	x86_msrpm_set(cell_msrpm, MSR_APIC_BASE, 1, false);
	x86_msrpm_set(cell_msrpm, 0x10, 1, false); /* TSC */
}

/* The root has ASID 1, a cell 1 + its slot: never 0, never shared. */
int arch_cell_init(struct cell *cell)
{
	cell->arch.ncr3 = paging_pa(cell->stage2.root);
	cell->arch.asid = cell == &root_cell ? 1 : 1 + cell_slot(cell);
	if (cell == &root_cell)
		return apic_trap(cell) ?: tramp_protect(cell);
	cell_msrpm_init();
	return x86_iopm_take(cell);
}

void arch_cell_exit(struct cell *cell)
{
	if (cell != &root_cell)
		x86_iopm_give_back(cell);
	cell->arch.ncr3 = 0;
}

static void seg(u8 *vmcb, unsigned int off, u16 sel, u16 attrib)
{
	*(struct vmcb_seg *)(vmcb + off) =
		(struct vmcb_seg){sel, attrib, 0xffffffff, 0};
}

/* The boot state: flat 32-bit protected mode, no tables of its own yet. */
static void boot_state(u8 *vmcb, u64 entry)
{
	seg(vmcb, VMCB_CS, SEL_CODE, SEG_CODE32);
	seg(vmcb, VMCB_SS, SEL_DATA, SEG_DATA32);
	seg(vmcb, VMCB_DS, SEL_DATA, SEG_DATA32);
	seg(vmcb, VMCB_ES, SEL_DATA, SEG_DATA32);
	seg(vmcb, VMCB_FS, SEL_DATA, SEG_DATA32);
	seg(vmcb, VMCB_GS, SEL_DATA, SEG_DATA32);
	*vmcb_u64(vmcb, VMCB_EFER) = EFER_SVME; /* VMRUN requires it */
	*vmcb_u64(vmcb, VMCB_CR0) = CR0_PE_ET;
	*vmcb_u64(vmcb, VMCB_DR6) = DR6_INIT;
	*vmcb_u64(vmcb, VMCB_DR7) = DR7_INIT;
	*vmcb_u64(vmcb, VMCB_RFLAGS) = 2;
	*vmcb_u64(vmcb, VMCB_RIP) = entry;
	*vmcb_u64(vmcb, VMCB_RAX) = INMATE_MAGIC;
	*vmcb_u64(vmcb, VMCB_G_PAT) = PAT_INIT;
}

static void control(u8 *vmcb, const struct cell *cell)
{
	*(u32 *)(vmcb + VMCB_INTERCEPT_MISC1) =
		(u32)(SVM_I_NMI | SVM_I_INIT | SVM_I_IOIO_PROT |
		      SVM_I_MSR_PROT | SVM_I_SHUTDOWN | SVM_I_INVLPGA);
	*(u32 *)(vmcb + VMCB_INTERCEPT_MISC2) = SVM_I_SVM_INSNS;
	*vmcb_u64(vmcb, VMCB_IOPM_PA) = x86_iopm_of(cell);
	*vmcb_u64(vmcb, VMCB_MSRPM_PA) = paging_pa(cell_msrpm);
	*(u32 *)(vmcb + VMCB_ASID) = cell->arch.asid;
	*vmcb_u64(vmcb, VMCB_NP_ENABLE) = 1;
	*vmcb_u64(vmcb, VMCB_N_CR3) = cell->arch.ncr3;
}

static unsigned int index_in_cell(const struct percpu *pc)
{
	u64 below = pc->cell->cpu_set & (BIT(pc->cpu_id) - 1);
	unsigned int n = 0;

	for (; below; below &= below - 1)
		n++;
	return n;
}

/*
 * Real mode at the SIPI's vector (apic_check_init), with the root's
 * control area and a flushed ASID (a cell's ran here).
 */
static __attribute__((noreturn)) void root_sipi(struct percpu *pc)
{
	printk("CPU %u: onlined by Linux, leaves the park\n", pc->cpu_id);
	x86_root_control(pc);
	pc->arch.tlb_gen = root_cell.arch.tlb_gen - 1;
	apic_check_init(pc);
	x86_run_guest((u64)pc + WD_PERCPU_SIZE);
}

/*
 * A fresh VMCB; VMLOAD of it clears the state VMRUN does not switch (FS,
 * GS, TR, LDTR bases, the syscall MSRs), so nothing of the root's (its
 * kernel addresses) reaches the cell. context is unused on x86.
 */
void arch_cpu_enter(struct percpu *pc, u64 entry, u64 context)
{
	u8 *vmcb = paging_ptr(pc->arch.vmcb_pa);

	(void)context;
	if (pc->cell == &root_cell)
		root_sipi(pc);
	memset(vmcb, 0, PAGE_SIZE);
	boot_state(vmcb, entry);
	control(vmcb, pc->cell);
	asm volatile("vmload %%rax" : : "a"(pc->arch.vmcb_pa) : "memory");
	pc->arch.regs = (struct x86_regs){.rbx = index_in_cell(pc)};
	pc->arch.sipi = X86_RUNNING; /* an INIT of the cell before is gone */
	pc->arch.tlb_gen = pc->cell->arch.tlb_gen - 1; /* a reused ASID */
	x86_run_guest((u64)pc + WD_PERCPU_SIZE);
}

/*
 * A parked CPU given back to the root (destroy) that Linux onlines: its
 * INIT and SIPI are emulated (apic.c), the SIPI found here. A power-on
 * for the root takes it out of the park (cell_cpu.c): arch_cpu_enter()
 * then starts it as the root's guest.
 */
void x86_park_sipi(struct percpu *pc)
{
	if (pc->cell == &root_cell && (READ_ONCE(pc->arch.sipi) & X86_SIPI))
		cell_cpu_power_on(pc, &root_cell, 0, 0);
}
