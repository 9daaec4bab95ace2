// SPDX-License-Identifier: GPL-2.0
/*
 * Faults of a cell. Whatever a non-root cell does wrong (an access outside
 * its memory, a firmware call, a trap Warden does not handle, an
 * interrupt-controller register it does not own, a hypercall flood) stops that cell and nothing else: it
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
/*
 * A full queue means the cell takes its interrupts far slower than they
 * come (its interface disabled, IRQs masked, or an IPI storm it sends
 * itself). Each one costs Warden an exit; past this many in a second the
 * cell is failed. The root is never failed for it: it only gets the
 * (rate-limited) message.
 */
#define VIRQ_OVERFLOWS_PER_SECOND 100

void cell_fail(struct cell *cell, const char *kind, u64 addr)
{
	struct percpu *pc = this_cpu();

	if (cell == &root_cell) {
		/* Linux may repeat an access forever: say it a few times. */
		if (cell_ratelimit(cell, RL_REFUSED, 1))
			printk("root: %s at 0x%llx (cpu %u) refused\n", kind,
			       addr, pc->cpu_id);
		return;
	}
	if (!cell_change_state(cell, WD_CELL_STATE_RUNNING,
			       WD_CELL_STATE_FAILED))
		return; /* already failed, or being stopped by the root */
	if (pc->cell == cell)
		pc->stats[WD_STAT_FAULT]++;
	cell_console_flush(cell);
	ratelimit_flush(cell->rl, cell->name);
	printk("cell '%s' failed: %s at 0x%llx (cpu %u)\n", cell->name, kind,
	       addr, pc->cpu_id);
	arch_print_trap();
	cell_cpus_request_park(cell);
}

/*
 * Like a failure, but asked for: a root shutdown or a fault that came
 * first wins (the state change), and the root may destroy or start it.
 */
void cell_stop_itself(struct cell *cell, const char *why)
{
	if (cell == &root_cell ||
	    !cell_change_state(cell, WD_CELL_STATE_RUNNING,
			       WD_CELL_STATE_SHUT_DOWN))
		return;
	cell_console_flush(cell);
	printk("cell '%s' shut down: %s (cpu %u)\n", cell->name, why,
	       this_cpu()->cpu_id);
	cell_cpus_request_park(cell);
}

/* Per cell, unlocked: CPUs of one cell racing here may lose counts. */
static bool flood(struct cell_bad_calls *b, u32 per_second)
{
	u64 now = arch_counter();

	if (now - b->window_start > arch_counter_freq()) {
		b->window_start = now;
		b->count = 0;
	}
	return ++b->count > per_second;
}

void cell_bad_call(struct percpu *pc, u64 pc_addr)
{
	if (pc->cell == &root_cell)
		return;
	if (flood(&pc->cell->bad_calls, BAD_CALLS_PER_SECOND))
		cell_fail(pc->cell, "hypercall flood", pc_addr);
}

/* ADDR of the failure message is the INTID dropped last. */
void cell_virq_overflow(struct percpu *pc, u32 intid)
{
	struct cell *cell = pc->cell;

	if (cell_ratelimit(cell, RL_VIRQ_FULL, 1))
		printk("CPU %u: virtual IRQ queue full, IRQ %u dropped\n",
		       pc->cpu_id, intid);
	if (cell != &root_cell &&
	    flood(&cell->virq_overflows, VIRQ_OVERFLOWS_PER_SECOND))
		cell_fail(cell, "virtual IRQ flood", intid);
}
