// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 side of cell CPUs: stopping a CPU's EL1 world when it parks and
 * entering a cell like a CPU out of reset. Whatever the previous owner
 * left in EL1 registers (Linux's page tables, task pointers, FP data,
 * timers) is cleared before the next owner runs: nothing leaks between
 * cells, and Linux gets a CPU back as from firmware.
 */
#include <arch.h>
#include <arch/aarch32.h>
#include <arch/cpu_state.h>
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <arch/traps.h>
#include <wd/cell.h>
#include <wd/layout.h>
#include <wd/percpu.h>
#include <wd/printk.h>

void arch_enter_el1(u64 entry, u64 context, u64 stack_top, u64 spsr)
	__attribute__((noreturn));
u64 arch_hcr(const struct percpu *pc);

/* A parked CPU's stage 2: every entry invalid, VMID 0. */
static u64 park_table[512] __attribute__((aligned(4096)));

/* The EL1 timers would keep interrupting a parked CPU: stop them. */
void arch_cpu_quiesce(struct percpu *pc)
{
	write_sysreg(0, cntv_ctl_el0);
	write_sysreg(0, cntp_ctl_el0);
	gic->cpu_quiesce(pc);
	/* No walk of the cell's tables (which may be freed) from here on. */
	write_sysreg(paging_pa(park_table), vttbr_el2);
	isb();
}

/*
 * Wake-ups only: whatever interrupt arrives is dropped, one per round,
 * so that a level interrupt left asserted cannot keep the CPU from
 * seeing its power-on.
 */
void arch_cpu_idle(struct percpu *pc)
{
	if (gic_park_tick) {
		write_sysreg(read_sysreg(cntfrq_el0) / 1000, cnthp_tval_el2);
		write_sysreg(1, cnthp_ctl_el2);
	}
	wfi();
	gic_handle_parked_irq(pc);
}

void arch_cpu_kick(const struct percpu *target)
{
	gic->send_sgi(target, SGI_WARDEN);
}

void arch_cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

u64 arch_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

u64 arch_counter_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

/* FAR_EL2 only means something for aborts. */
void arch_print_trap(void)
{
	u64 esr = read_sysreg(esr_el2);

	if (ESR_EC(esr) == EC_IABT_LOW || ESR_EC(esr) == EC_DABT_LOW)
		printk("  pc 0x%llx, ESR_EL2 0x%llx, FAR_EL2 0x%llx\n",
		       read_sysreg(elr_el2), esr, read_sysreg(far_el2));
	else
		printk("  pc 0x%llx, ESR_EL2 0x%llx\n", read_sysreg(elr_el2),
		       esr);
}

/* EL1 system registers at their reset values (0 where UNKNOWN). */
static void reset_el1_sysregs(void)
{
	write_sysreg(SCTLR_EL1_RESET, sctlr_el1);
	write_sysreg(0, vbar_el1);
	write_sysreg(0, tcr_el1);
	write_sysreg(0, ttbr0_el1);
	write_sysreg(0, ttbr1_el1);
	write_sysreg(0, mair_el1);
	write_sysreg(0, amair_el1);
	write_sysreg(0, contextidr_el1);
	write_sysreg(0, cpacr_el1);
	write_sysreg(0, mdscr_el1);
	write_sysreg(0, csselr_el1);
	write_sysreg(0, par_el1);
	write_sysreg(0, afsr0_el1);
	write_sysreg(0, afsr1_el1);
}

/* Registers that carry the previous owner's pointers and data. */
static void reset_el1_context(void)
{
	write_sysreg(0, tpidr_el1);
	write_sysreg(0, tpidr_el0);
	write_sysreg(0, tpidrro_el0);
	write_sysreg(0, sp_el0);
	write_sysreg(0, sp_el1);
	write_sysreg(0, elr_el1);
	write_sysreg(0, spsr_el1);
	write_sysreg(0, esr_el1);
	write_sysreg(0, far_el1);
}

static void reset_el1_timers(void)
{
	write_sysreg(0, cntv_ctl_el0);
	write_sysreg(0, cntp_ctl_el0);
	write_sysreg(0, cntv_cval_el0);
	write_sysreg(0, cntp_cval_el0);
	write_sysreg(0, cntkctl_el1);
	write_sysreg(0, cntvoff_el2);
	write_sysreg(0, cnthp_ctl_el2); /* the park's timer (gicv2.c) */
}

/*
 * The cell's stage 2 with a local TLB flush: the VMID may have belonged
 * to a destroyed cell, and this CPU may still hold its entries.
 */
static void load_cell(struct percpu *pc)
{
	write_sysreg(pc->cell->arch.vttbr, vttbr_el2);
	write_sysreg(arch_hcr(pc), hcr_el2);
	isb();
	asm volatile("tlbi vmalls12e1\n"
		     "ic iallu\n"
		     "dsb nsh\n"
		     "isb" ::
			     : "memory");
}

/* AArch32: SVC mode, Thumb from bit 0 of the entry, which is not the PC. */
void arch_cpu_enter(struct percpu *pc, u64 entry, u64 context)
{
	u64 stack = (u64)(unsigned long)pc + WD_PERCPU_SIZE;
	u64 spsr = SPSR_EL1H_MASKED;

	reset_el1_sysregs();
	reset_el1_context();
	reset_el1_timers();
	arch_reset_pmu_debug();
	aarch32_reset_state(pc->cell);
	load_cell(pc);
	gic->cpu_reset(pc);
	if (aarch32_cell(pc->cell)) {
		spsr = aarch32_entry_spsr(entry);
		entry &= ~1ull;
	}
	arch_enter_el1(entry, context, stack, spsr);
}
