// SPDX-License-Identifier: GPL-2.0
/*
 * Fake arch: the CPUs as data (arch/fake.h). The hooks of a CPU that
 * parks, idles and enters a cell record what they saw; the two that
 * never return on hardware jump back to fake_cpu_run().
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <arch.h>
#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/ivshmem.h>
#include <wd/percpu.h>

static struct percpu fake_cpus[WD_MAX_CPUS];

/* Where the CPU of the innermost fake_cpu_run() leaves to. */
static jmp_buf *cpu_exit;

struct percpu *percpu_of(unsigned int cpu_id)
{
	return &fake_cpus[cpu_id];
}

struct percpu *arch_this_cpu(void)
{
	return &fake_cpus[fake_arch.this_cpu];
}

void fake_cpus_init(struct cell *cell, u64 online)
{
	unsigned int cpu;

	memset(fake_cpus, 0, sizeof(fake_cpus));
	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		fake_cpus[cpu].cpu_id = cpu;
		fake_cpus[cpu].active = true;
		fake_cpus[cpu].cell = cell;
		fake_cpus[cpu].parked = !(online & BIT(cpu));
		fake_cpus[cpu].power =
			online & BIT(cpu) ? CPU_POWER_ON : CPU_POWER_OFF;
	}
}

enum fake_cpu_exit fake_cpu_run(unsigned int cpu, void (*fn)(struct percpu *pc))
{
	jmp_buf here, *outer = cpu_exit;
	unsigned int caller = fake_arch.this_cpu;
	volatile int how;

	cpu_exit = &here;
	fake_arch.this_cpu = cpu;
	how = setjmp(here);
	if (!how)
		fn(&fake_cpus[cpu]);
	cpu_exit = outer;
	fake_arch.this_cpu = caller;
	return how;
}

/* Leaves fn through fake_cpu_run(); a hook reached outside one fails. */
static __attribute__((noreturn)) void leave(enum fake_cpu_exit how)
{
	if (!cpu_exit)
		abort();
	longjmp(*cpu_exit, how);
}

void arch_cpu_quiesce(struct percpu *pc)
{
	fake_arch.quiesced |= BIT(pc->cpu_id);
}

void arch_cpu_idle(struct percpu *pc)
{
	fake_arch.idles++;
	if (!fake_arch.on_idle || !fake_arch.on_idle(pc))
		leave(FAKE_CPU_IDLE);
}

void arch_cpu_enter(struct percpu *pc, u64 entry, u64 context)
{
	(void)pc;
	fake_arch.entry = entry;
	fake_arch.context = context;
	leave(FAKE_CPU_ENTERED);
}

void arch_cpu_kick(const struct percpu *target)
{
	fake_arch.kicked |= BIT(target->cpu_id);
	fake_arch.kicks++;
}

void arch_cell_exit(struct cell *cell)
{
	(void)cell;
	fake_arch.cell_exits++;
}

void arch_print_trap(void)
{
	fake_arch.traps_printed++;
}

void arch_doorbell_ring(u32 intid)
{
	fake_arch.doorbells++;
	fake_arch.last_doorbell = intid;
}
