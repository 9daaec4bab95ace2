/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only door from the portable core (hypervisor/) into the
 * architecture (arch/<arch>/). Every hook is named arch_*.
 */
#ifndef WD_ARCH_H
#define WD_ARCH_H

#include <wd/types.h>

struct cell;
struct paging;
struct paging_format;
struct percpu;
struct wd_comm_region;

/* What a cell hit, as the core names it (the arch decodes its syndromes). */
enum fault_kind {
	FAULT_UNDEFINED_INSN, /* an instruction the CPU does not know */
	FAULT_OTHER, /* any other exception */
};

/* Paging formats: the hypervisor's own tables and a cell's stage 2. */
extern const struct paging_format arch_hyp_paging;
extern const struct paging_format arch_stage2_paging;

/*
 * Probe the interrupt chip and map the devices the hypervisor itself uses
 * (UART, interrupt chip). Runs once per enable, before any cell exists.
 */
int arch_map_devices(struct paging *hyp, const struct wd_system *sys);
/* Switch this CPU to the hypervisor's final tables. */
void arch_paging_activate(const struct paging *hyp);

/* Take over this CPU: traps, vectors, stage 2, virtual interrupts. */
int arch_cpu_init(struct percpu *pc);
/* Give this CPU back to Linux's stub (the arch exit path does the rest). */
void arch_cpu_exit(struct percpu *pc);

/*
 * A cell's arch state (VMID, interrupts): set up once its stage 2 and CPUs
 * are in place, torn down with its CPUs parked.
 */
int arch_cell_init(struct cell *cell);
void arch_cell_exit(struct cell *cell);

/* Cell CPUs (see wd/cell_cpu.h). */
/* Stop this CPU's EL1 activity before it parks: timers, interrupts. */
void arch_cpu_quiesce(struct percpu *pc);
/* A parked CPU waits for an interrupt and drops it. */
void arch_cpu_idle(struct percpu *pc);
/* Enter pc->cell at entry as a CPU out of reset, x0 = context. */
__attribute__((noreturn)) void arch_cpu_enter(struct percpu *pc, u64 entry,
					      u64 context);
/* Interrupt a CPU so it looks at its requests (cell_cpu_kicked()). */
void arch_cpu_kick(const struct percpu *target);
void arch_cpu_relax(void);
u64 arch_counter(void);
u64 arch_counter_freq(void);
/* Address and syndrome of the current trap, for fault reports. */
void arch_print_trap(void);

/* Memory. */
/*
 * The TLB flushes after a change to live tables. Each drops the entries
 * (walk caches included) on every CPU, then calls paging_flush_done() on
 * the paging it covered: the table pages the change took out are freed
 * there, never before (wd/paging.h). Callers hold the paging's lock.
 */
/* A cell's stage 2. */
void arch_stage2_flush(struct cell *cell);
/* The hypervisor's own tables. */
void arch_hyp_flush(struct paging *hyp);
/*
 * Cleans and invalidates [pa, pa + size) (mapped at EL2) to the point of
 * coherency: memory holds the data, no cache a stale copy (MMU-off
 * readers, memory changing hands).
 */
void arch_dcache_clean(u64 pa, u64 size);
/* Bytes per way of the last-level cache, for colouring; 0 if unknown. */
u64 arch_llc_way_size(void);
/* Zeroes page-aligned [pa, pa + size), written back to memory. */
void arch_scrub(u64 pa, u64 size);

void arch_console_putc(char c);

/* Cells. */
/* Writes the arch part of a new cell's comm page (zeroed before). */
void arch_fill_comm(struct wd_comm_region *comm);
/* Makes the physical line irq pending: a link's doorbell (wd/ivshmem.h). */
void arch_doorbell_ring(u32 irq);
/* Prints the DMA faults the IOMMU logged; on the root's hypercalls. */
void arch_dma_events(void);
/* What a cell's own fault report (WD_HC_CELL_FAULT) says it hit. */
enum fault_kind arch_reported_fault(u64 syndrome);

#endif
