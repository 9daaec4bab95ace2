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

int arch_cell_init(struct cell *cell);
void arch_cell_exit(struct cell *cell);

void arch_console_putc(char c);

#endif
