// SPDX-License-Identifier: GPL-2.0
/*
 * Kicks: Warden interrupts another CPU with an NMI sent through its own
 * local APIC (xAPIC ICR, mapped in Warden's tables). NMIs are intercepted
 * in every guest, so the target leaves the root or a cell wherever it
 * runs, interrupts off included (Linux's play_dead HLT loop, an inmate
 * spinning with IF = 0), and looks at its requests: park, TLB flush.
 *
 * An intercepted NMI stays pending (AMD APM vol. 2, 15.21; QEMU's TCG
 * too) until the host sets GIF: Warden takes it on its own IDT, whose
 * NMI gate only returns (entry.S, x86_nmi), between STGI and CLGI. The
 * kicker sets the target's kick flag before sending: an NMI exit without
 * it is the guest's own NMI and is injected back. A guest NMI that
 * arrives together with a kick is merged into it and lost (NMIs are
 * edges; documented in Documentation/x86.md).
 *
 * The IDT has the NMI gate only: Warden takes no other interrupt (GIF is
 * clear outside that window) and a fault in Warden remains a triple fault
 * until a full host IDT replaces this one.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/config_check.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>

#define APIC_ICR_LO 0x300
#define APIC_ICR_HI 0x310
#define ICR_NMI (4u << 8)
#define ICR_BUSY BIT(12)
#define ICR_ASSERT BIT(14)
#define GATE_INTR64 0x8e00 /* present, DPL 0, 64-bit interrupt gate */
#define HOST_CS 0x10 /* Linux's __KERNEL_CS: the same selector here */

struct idt_gate {
	u16 off_lo, sel, attr, off_mid;
	u32 off_hi, zero;
};

/* Null, null, 64-bit code (0x10), data (0x18), as Linux numbers them. */
static u64 host_gdt[4] __attribute__((aligned(16))) = {
	0, 0, 0x00af9b000000ffffull, 0x00cf93000000ffffull};
static struct idt_gate host_idt[X86_NMI + 1] __attribute__((aligned(16)));
static u64 lapic; /* identity mapped */

void x86_nmi(void);

/* Once per enable: the local APIC page in Warden's tables, the IDT. */
int x86_kick_init(struct paging *hyp, u64 lapic_base)
{
	u64 h = (u64)x86_nmi;

	host_idt[X86_NMI] =
		(struct idt_gate){(u16)h,	  HOST_CS,	  GATE_INTR64,
				  (u16)(h >> 16), (u32)(h >> 32), 0};
	lapic = lapic_base;
	return paging_map(hyp, lapic_base, lapic_base, PAGE_SIZE,
			  PG_RW | PG_DEVICE);
}

/* This CPU's tables from now on; Linux's are kept for the way back. */
void x86_host_tables_load(struct percpu *pc)
{
	struct x86_dt gdt = {sizeof(host_gdt) - 1, (u64)host_gdt};
	struct x86_dt idt = {sizeof(host_idt) - 1, (u64)host_idt};

	asm volatile("sgdt %0; sidt %1"
		     : "=m"(pc->arch.linux_gdt), "=m"(pc->arch.linux_idt));
	asm volatile("lgdt %0; lidt %1" : : "m"(gdt), "m"(idt) : "memory");
}

/* Leaving to Linux: its tables again (its selectors are the same). */
void x86_host_tables_unload(struct percpu *pc)
{
	asm volatile("lgdt %0; lidt %1"
		     :
		     : "m"(pc->arch.linux_gdt), "m"(pc->arch.linux_idt)
		     : "memory");
}

static u32 apic_read(u32 reg)
{
	return *(volatile u32 *)(lapic + reg);
}

static void apic_write(u32 reg, u32 v)
{
	*(volatile u32 *)(lapic + reg) = v;
}

/*
 * The guest may have been between its two ICR writes when it exited:
 * ICR high is put back as it was.
 */
void arch_cpu_kick(const struct percpu *target)
{
	u32 dest = wd_system_config()->platform.x86.apic_id[target->cpu_id];
	u32 hi = apic_read(APIC_ICR_HI), n = 0;

	if (target == this_cpu())
		return; /* it looks at its requests on its way back */
	__atomic_store_n((u32 *)&target->arch.kick, 1, __ATOMIC_SEQ_CST);
	while ((apic_read(APIC_ICR_LO) & ICR_BUSY) && n++ < 100000)
		arch_cpu_relax();
	apic_write(APIC_ICR_HI, dest << 24);
	apic_write(APIC_ICR_LO, ICR_NMI | ICR_ASSERT);
	apic_write(APIC_ICR_HI, hi);
}

/*
 * #VMEXIT(NMI): the NMI is taken on Warden's IDT, then a kick is done
 * (the exit path checks the requests) and anything else goes back to
 * the guest that was meant to get it.
 */
void x86_nmi_exit(struct percpu *pc, u64 *eventinj)
{
	asm volatile("stgi; nop; clgi" : : : "memory");
	pc->stats[WD_STAT_IRQ]++;
	if (!__atomic_exchange_n(&pc->arch.kick, 0, __ATOMIC_SEQ_CST))
		*eventinj = X86_NMI | SVM_EVT_NMI | SVM_EVT_VALID;
}

/* Still running cell's guest on a TLB generation older than gen. */
static bool stale(const struct percpu *pc, const struct cell *cell, u32 gen)
{
	return pc != this_cpu() && pc->active && READ_ONCE(pc->cell) == cell &&
	       __atomic_load_n(&pc->arch.in_guest, __ATOMIC_SEQ_CST) &&
	       (s32)(READ_ONCE(pc->arch.tlb_gen) - gen) < 0;
}

/*
 * After cell's nested tables changed (its generation is gen now): each
 * CPU in its guest is kicked and waited for, so that no CPU goes on with
 * stale translations (its next VMRUN flushes the ASID). A CPU in Warden
 * reads the generation before its next VMRUN: not waited for, so the
 * caller's locks cannot deadlock with it. One second at most.
 */
void x86_tlb_shootdown(const struct cell *cell, u32 gen)
{
	u64 start = arch_counter(), cpu, left = 1;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if (stale(percpu_of((unsigned int)cpu), cell, gen))
			arch_cpu_kick(percpu_of((unsigned int)cpu));
	while (left && arch_counter() - start < arch_counter_freq()) {
		for (left = 0, cpu = 0; cpu < WD_MAX_CPUS; cpu++)
			left += stale(percpu_of((unsigned int)cpu), cell, gen);
		arch_cpu_relax();
	}
	if (left)
		printk("x86: %llu CPUs did not flush their TLB\n", left);
}
