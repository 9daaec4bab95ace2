/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What arch/x86's files call in each other (not the core: arch.h, not
 * the exit dispatch's constants: svm.h).
 */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <wd/types.h>

struct cell;
struct paging;
struct percpu;
struct wd_system;

/*
 * The board's RAM, read-only, at this host address plus its physical
 * address: Warden reads a guest's page tables and code there.
 */
#define X86_RAM_WINDOW (1ull << 46)

/* x86_percpu.sipi: running, waiting for a SIPI, or started by one. */
#define X86_RUNNING 0
#define X86_WAIT_SIPI 1
#define X86_SIPI 0x100 /* | the vector */

/* paging.c: Warden's page tables (CR3), set by the first CPU. */
extern u64 x86_host_cr3;
/* early.c: the driver's trampoline page read/execute only in the root. */
int tramp_protect(struct cell *cell);

/* guest_mem.c: up to max bytes of code at the guest's RIP; 0 if none. */
unsigned int guest_fetch_code(struct percpu *pc, u8 *buf, unsigned int max);
/* guest_mem.c: maps the RAM window in Warden's tables. */
int guest_mem_map(struct paging *hyp, const struct wd_system *sys);

/* apic.c: Warden's mapping of the xAPIC and the guest's trap on it. */
int apic_map(struct paging *hyp, const struct wd_system *sys);
int apic_trap(struct cell *cell);
/* apic.c: this CPU's LDR/DFR shadows from its APIC, state running. */
void apic_cpu_init(struct percpu *pc);
/* apic.c: true if gpa is the xAPIC page (the access is emulated). */
bool apic_access(struct percpu *pc, u64 gpa);
/* apic.c: a #VMEXIT(NMI): a kick (absorbed) or the guest's (injected). */
void apic_nmi(struct percpu *pc);
/* apic.c: after each exit, an INIT'ed CPU waits here for its SIPI. */
void apic_check_init(struct percpu *pc);
/* apic.c: a guest MSR write to IA32_APIC_BASE: false to refuse it. */
bool apic_base_write_ok(u64 value);

/* idt.c: Warden's GDT and IDT on this CPU; Linux's back when leaving. */
void host_tables_load(void);
void host_tables_restore(u64 gdt_base, u16 gdt_limit, u64 idt_base,
			 u16 idt_limit);
/* idt.c: lets a pending NMI in (the host's handler drops it). */
void host_take_nmi(void);

/* svm.c: rw_bits 1 = read, 2 = write; on = intercepted. */
void x86_msrpm_set(u8 *map, u32 msr, unsigned int rw_bits, bool on);
/* svm.c: the root's intercepts, ASID and tables in pc's VMCB again. */
void x86_root_control(struct percpu *pc);

/* cell.c: a parked root CPU that got a SIPI runs the root again. */
void x86_park_sipi(struct percpu *pc);

/* tlb.c: after cell's nested tables changed (generation gen). */
void x86_tlb_shootdown(const struct cell *cell, u32 gen);

/* iopm.c: the physical address of cell's I/O permission map. */
u64 x86_iopm_of(const struct cell *cell);
/* iopm.c: a cell's ports leave the root (create), come back (destroy). */
int x86_iopm_take(const struct cell *cell);
void x86_iopm_give_back(const struct cell *cell);

/* entry.S: runs pc's guest from a fresh stack (the area's top). */
__attribute__((noreturn)) void x86_run_guest(u64 stack_top);

#endif
