// SPDX-License-Identifier: GPL-2.0
/*
 * Faults of a cell. Whatever a non-root cell does wrong (an access outside
 * its memory, an SMC, a trap Warden does not handle, a GIC register it
 * does not own, a hypercall flood) stops that cell and nothing else: it
 * goes to FAILED, its CPUs park, the console says what happened. The root
 * is Linux and keeps running: it only gets the message (the caller decides
 * what the access does, e.g. an injected abort).
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/percpu.h>
#include <wd/printk.h>

/*
 * Invalid hypercalls are answered with an error at once, so a flood costs
 * the cell its own CPU time only. More than this many in one second of
 * counter time is not a probe any more: the cell is failed.
 */
#define BAD_CALLS_PER_SECOND 1000

void cell_fail(struct cell *cell, const char *kind, u64 addr)
{
	struct percpu *pc = this_cpu();

	if (cell == &root_cell) {
		printk("root: %s at 0x%llx (cpu %u) refused\n", kind, addr,
		       pc->cpu_id);
		return;
	}
	if (!cell_change_state(cell, WD_CELL_STATE_RUNNING,
			       WD_CELL_STATE_FAILED))
		return; /* already failed, or being stopped by the root */
	if (pc->cell == cell)
		pc->stats[WD_STAT_FAULT]++;
	cell_console_flush(cell);
	printk("cell '%s' failed: %s at 0x%llx (cpu %u)\n", cell->name, kind,
	       addr, pc->cpu_id);
	arch_print_trap();
	cell_cpus_request_park(cell);
}

void cell_bad_call(struct percpu *pc, u64 pc_addr)
{
	struct cell_bad_calls *b = &pc->cell->bad_calls;
	u64 now = arch_counter();

	if (pc->cell == &root_cell)
		return;
	/* Per cell, unlocked: CPUs of one cell racing here may lose counts. */
	if (now - b->window_start > arch_counter_freq()) {
		b->window_start = now;
		b->count = 0;
	}
	if (++b->count > BAD_CALLS_PER_SECOND)
		cell_fail(pc->cell, "hypercall flood", pc_addr);
}
