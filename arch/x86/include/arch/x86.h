/* SPDX-License-Identifier: GPL-2.0 */
/* Between the files of arch/x86 (not for the core: that is arch.h). */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <wd/types.h>

struct cell;
struct paging;
struct percpu;

/* svm.c: rw_bits 1 = read, 2 = write; on = intercepted. */
void x86_msrpm_set(u8 *map, u32 msr, unsigned int rw_bits, bool on);

/* nmi.c: kicks, Warden's GDT/IDT, TLB shootdowns. */
int x86_kick_init(struct paging *hyp, u64 lapic_base);
void x86_host_tables_load(struct percpu *pc);
void x86_host_tables_unload(struct percpu *pc);
void x86_nmi_exit(struct percpu *pc, u64 *eventinj);
void x86_tlb_shootdown(const struct cell *cell, u32 gen);

/* paging.c: Warden's own tables on this CPU. */
void x86_host_paging_load(void);

/* iopm.c: the physical address of cell's I/O permission map. */
u64 x86_iopm_of(const struct cell *cell);

/* entry.S: runs pc's guest from a fresh stack (the area's top). */
__attribute__((noreturn)) void x86_run_guest(u64 stack_top);

#endif
