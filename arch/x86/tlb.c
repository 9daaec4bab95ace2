// SPDX-License-Identifier: GPL-2.0
/*
 * TLB shootdown for nested tables. x86 has no broadcast flush of an
 * ASID: each CPU flushes its own on its next VMRUN when the cell's
 * generation moved (svm.c, x86_vmrun_prepare). A CPU that runs the guest
 * without exiting (an idle root CPU, an inmate spinning) would keep stale
 * translations, to memory the cell just lost (a loan to the root ending,
 * a cell's RAM going back): such CPUs are kicked (an NMI, apic.c) and
 * waited for.
 */
#include <arch.h>
#include <arch/x86.h>
#include <wd/cell.h>
#include <wd/percpu.h>
#include <wd/printk.h>

/* Still running cell's guest on a TLB generation older than gen. */
static bool stale(const struct percpu *pc, const struct cell *cell, u32 gen)
{
	return pc != this_cpu() && pc->active && READ_ONCE(pc->cell) == cell &&
	       __atomic_load_n(&pc->arch.in_guest, __ATOMIC_SEQ_CST) &&
	       (s32)(READ_ONCE(pc->arch.tlb_gen) - gen) < 0;
}

/*
 * A CPU in Warden reads the generation before its next VMRUN (after
 * setting in_guest): it is not waited for, so that the caller's locks
 * cannot deadlock with it. One second at most, then a message.
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
