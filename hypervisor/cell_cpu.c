// SPDX-License-Identifier: GPL-2.0
/*
 * Cell CPUs: parking, powering on, and asking a running CPU to park.
 *
 * A CPU's power state (PSCI's view: on, off, on pending) and its parked
 * flag change together under power_lock. A parked CPU waits in
 * arch_cpu_idle() and leaves only when it finds a pending power-on; it
 * then enters pc->cell, which other CPUs change only while it is parked
 * and powered off. To park a running CPU, another CPU sets CPU_REQ_PARK
 * and sends Warden's SGI; the target parks on that interrupt (or on its
 * way out of any synchronous trap).
 */
#include <arch.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/spinlock.h>

static spinlock_t power_lock;

/* Claims a pending power-on: the CPU leaves the park. */
static bool take_power_on(struct percpu *pc)
{
	bool on = false;

	spin_lock(&power_lock);
	if (pc->power == CPU_POWER_ON_PENDING) {
		pc->power = CPU_POWER_ON;
		pc->parked = false;
		on = true;
	}
	spin_unlock(&power_lock);
	return on;
}

/*
 * The CPU's cell state is dropped first (timers, virtual interrupts):
 * whoever runs on it next starts clean. Never returns: the stack is
 * reset when the CPU enters a cell again.
 */
void cell_cpu_park(struct percpu *pc)
{
	arch_cpu_quiesce(pc);
	spin_lock(&power_lock);
	pc->power = CPU_POWER_OFF;
	pc->request = 0;
	__atomic_store_n(&pc->parked, true, __ATOMIC_RELEASE);
	spin_unlock(&power_lock);
	while (!take_power_on(pc))
		arch_cpu_idle(pc);
	arch_cpu_enter(pc, pc->entry, pc->context);
}

int cell_cpu_power_on(struct percpu *target, u64 entry, u64 context)
{
	int err = 0;

	spin_lock(&power_lock);
	if (target->power == CPU_POWER_ON) {
		err = -EEXIST;
	} else if (target->power == CPU_POWER_ON_PENDING) {
		err = -EBUSY;
	} else {
		target->entry = entry;
		target->context = context;
		target->power = CPU_POWER_ON_PENDING;
	}
	spin_unlock(&power_lock);
	if (!err)
		arch_cpu_kick(target);
	return err;
}

void cell_cpu_check_requests(struct percpu *pc)
{
	if (__atomic_load_n(&pc->request, __ATOMIC_ACQUIRE) & CPU_REQ_PARK)
		cell_cpu_park(pc);
}

void cell_cpu_sgi(struct percpu *pc)
{
	cell_cpu_check_requests(pc);
}

/*
 * A parked CPU only needs a pending power-on cancelled; a running one is
 * asked. Returns true when the CPU must be interrupted.
 */
static bool post_park(struct percpu *t)
{
	bool kick = false;

	spin_lock(&power_lock);
	if (t->parked) {
		t->power = CPU_POWER_OFF;
	} else {
		t->request |= CPU_REQ_PARK;
		kick = true;
	}
	spin_unlock(&power_lock);
	return kick;
}

void cell_cpus_request_park(u64 cpu_set)
{
	struct percpu *self = this_cpu();
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		if (!(cpu_set & BIT(cpu)))
			continue;
		if (post_park(percpu_of(cpu)) && percpu_of(cpu) != self)
			arch_cpu_kick(percpu_of(cpu));
	}
}

bool cell_cpus_parked(u64 cpu_set)
{
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((cpu_set & BIT(cpu)) &&
		    !__atomic_load_n(&percpu_of(cpu)->parked, __ATOMIC_ACQUIRE))
			return false;
	return true;
}

/*
 * A CPU parks within microseconds; a second means it cannot. The request
 * is repeated every millisecond: a CPU of the cell may have powered on a
 * parked sibling (PSCI CPU_ON) after the first round.
 */
int cell_cpus_park(u64 cpu_set)
{
	u64 start = arch_counter(), asked = start, now;
	u64 second = arch_counter_freq();

	cell_cpus_request_park(cpu_set);
	while (!cell_cpus_parked(cpu_set)) {
		now = arch_counter();
		if (now - start > second)
			return -ETIMEDOUT;
		if (now - asked > second / 1000) {
			cell_cpus_request_park(cpu_set);
			asked = now;
		}
		arch_cpu_relax();
	}
	return 0;
}
