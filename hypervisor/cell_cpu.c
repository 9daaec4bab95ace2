// SPDX-License-Identifier: GPL-2.0
/*
 * Cell CPUs: parking, powering on, and asking a running CPU to park.
 *
 * A CPU's power state (its cell's view: on, off, on pending), its parked flag,
 * its cell, the cell it was powered on for, and each cell's power_frozen
 * flag change only under power_lock. A parked CPU waits in arch_cpu_idle()
 * and leaves only when it finds a pending power-on granted for the cell it
 * still belongs to. To park a running CPU, another CPU sets CPU_REQ_PARK
 * and kicks it (arch_cpu_kick()); the target parks on that interrupt (or on its
 * way out of any synchronous trap).
 *
 * Stopping a cell (shutdown, destroy, a fault) first freezes it: from then
 * on no CPU can power on any CPU of it, so the set of running CPUs only
 * shrinks. Without that, a CPU of the cell could grant a sibling a
 * power-on just before parking itself, and the sibling would wake after
 * the root saw every CPU parked: in a dead cell, or in the root with an
 * entry point the cell chose.
 */
#include <arch.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/spinlock.h>

static spinlock_t power_lock;

/*
 * Claims a pending power-on: the CPU leaves the park. A power-on granted
 * for another cell than the CPU's current one is dropped (cannot happen
 * while CPUs move only powered off; kept as the last line of defence).
 */
static bool take_power_on(struct percpu *pc)
{
	bool on = false;

	/*
	 * Polled without the lock first: x86 under QEMU's TCG resets a parked
	 * CPU by INIT at any instruction (Linux onlining it), and a CPU reset
	 * while it holds power_lock would leave it held for ever.
	 */
	if (READ_ONCE(pc->power) != CPU_POWER_ON_PENDING)
		return false;
	spin_lock(&power_lock);
	if (pc->power == CPU_POWER_ON_PENDING) {
		on = pc->on_cell == pc->cell;
		pc->power = on ? CPU_POWER_ON : CPU_POWER_OFF;
		pc->parked = !on;
		pc->on_cell = NULL;
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
	pc->on_cell = NULL;
	pc->request = 0;
	__atomic_store_n(&pc->parked, true, __ATOMIC_RELEASE);
	spin_unlock(&power_lock);
	while (!take_power_on(pc))
		arch_cpu_idle(pc);
	arch_cpu_enter(pc, pc->entry, pc->context);
}

/* Under power_lock: may `cell` power on `target` now? */
static int may_power_on(const struct percpu *target, const struct cell *cell)
{
	if (target->cell != cell || cell->power_frozen || cell_is_stopped(cell))
		return -EPERM;
	if (target->power == CPU_POWER_ON)
		return -EEXIST;
	return target->power == CPU_POWER_ON_PENDING ? -EBUSY : 0;
}

int cell_cpu_power_on(struct percpu *target, struct cell *cell, u64 entry,
		      u64 context)
{
	int err;

	spin_lock(&power_lock);
	err = may_power_on(target, cell);
	if (!err) {
		target->entry = entry;
		target->context = context;
		target->on_cell = cell;
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

void cell_cpu_kicked(struct percpu *pc)
{
	cell_cpu_check_requests(pc);
}

/*
 * Under power_lock. A parked CPU only needs a pending power-on
 * cancelled; a running one is asked. True when it must be interrupted.
 */
static bool post_park(struct percpu *t)
{
	if (t->parked) {
		t->power = CPU_POWER_OFF;
		t->on_cell = NULL;
		return false;
	}
	t->request |= CPU_REQ_PARK;
	return true;
}

/* Freezes the cell and posts its parks: one critical section. */
static u64 freeze_and_post(struct cell *cell)
{
	u64 kick = 0;
	unsigned int cpu;

	spin_lock(&power_lock);
	cell->power_frozen = true;
	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((cell->cpu_set & BIT(cpu)) && post_park(percpu_of(cpu)))
			kick |= BIT(cpu);
	spin_unlock(&power_lock);
	return kick;
}

void cell_cpus_request_park(struct cell *cell)
{
	u64 kick = freeze_and_post(cell);
	struct percpu *self = this_cpu();
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((kick & BIT(cpu)) && percpu_of(cpu) != self)
			arch_cpu_kick(percpu_of(cpu));
}

/* Parked and nothing pending: the CPU cannot run again by itself. */
static bool cpus_parked(u64 cpu_set)
{
	const struct percpu *pc;
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		pc = percpu_of(cpu);
		if ((cpu_set & BIT(cpu)) &&
		    (!READ_ONCE(pc->parked) ||
		     READ_ONCE(pc->power) == CPU_POWER_ON_PENDING))
			return false;
	}
	return true;
}

bool cell_cpus_parked(u64 cpu_set)
{
	bool all;

	spin_lock(&power_lock);
	all = cpus_parked(cpu_set);
	spin_unlock(&power_lock);
	return all;
}

/*
 * The waiting root polls without the lock (it would queue behind the
 * very CPUs it waits for) and confirms under it.
 */
static bool settled(u64 cpu_set)
{
	return cpus_parked(cpu_set) && cell_cpus_parked(cpu_set);
}

void cell_cpus_thaw(struct cell *cell)
{
	spin_lock(&power_lock);
	cell->power_frozen = false;
	spin_unlock(&power_lock);
}

/*
 * A CPU parks within microseconds; a second means it cannot. The request
 * is repeated every millisecond for CPUs that were running a trap when
 * it was posted. On a timeout the cell thaws (nothing changed); it stays
 * frozen otherwise until cell_cpus_thaw() at the next start.
 */
int cell_cpus_park(struct cell *cell)
{
	u64 start = arch_counter(), asked = start, now;
	u64 second = arch_counter_freq();

	cell_cpus_request_park(cell);
	while (!settled(cell->cpu_set)) {
		now = arch_counter();
		if (now - start > second) {
			cell_cpus_thaw(cell);
			return -ETIMEDOUT;
		}
		if (now - asked > second / 1000) {
			cell_cpus_request_park(cell);
			asked = now;
		}
		arch_cpu_relax();
	}
	freeze_and_post(cell); /* all parked: cancels, never kicks */
	return 0;
}

/* Under power_lock: parked, powered off, in `from`. */
static bool movable(u64 cpu_set, const struct cell *from)
{
	const struct percpu *pc;
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		pc = percpu_of(cpu);
		if ((cpu_set & BIT(cpu)) && (pc->cell != from || !pc->parked ||
					     pc->power != CPU_POWER_OFF))
			return false;
	}
	return true;
}

/*
 * Checked and moved in one critical section: a power-on (the root asking
 * for one of its CPUs, say) cannot slip in between the check and the move.
 */
int cell_cpus_move(u64 cpu_set, struct cell *from, struct cell *to)
{
	int err = -EBUSY;

	spin_lock(&power_lock);
	if (movable(cpu_set, from)) {
		cell_move_cpus(cpu_set, to);
		err = 0;
	}
	spin_unlock(&power_lock);
	return err;
}

/* Under power_lock: a CPU Linux offlined, still running the root. */
static bool root_cpu_running(const struct percpu *t)
{
	return t->active && t->cell == &root_cell && !t->parked;
}

/*
 * WD_HC_CPU_PARK: Linux offlined this root CPU, which stays the root's
 * guest (x86: its play_dead HLT loop); a kick brings it into Warden's
 * park, where cell create finds it. Trust: the root names its own CPU;
 * parking one Linux still uses harms only the root.
 */
long cell_cpu_park_root(u64 cpu)
{
	struct percpu *t;
	bool kick = false;
	u64 start = arch_counter();
	long err = 0;

	if (cpu >= WD_MAX_CPUS || !(root_cell.cpu_set & BIT(cpu)))
		return -EINVAL;
	t = percpu_of((unsigned int)cpu);
	if (t == this_cpu())
		return -EINVAL;
	spin_lock(&power_lock);
	if (root_cpu_running(t))
		kick = post_park(t);
	else if (!t->parked || t->cell != &root_cell)
		err = -EBUSY; /* not under Warden, or not the root's */
	spin_unlock(&power_lock);
	if (kick)
		arch_cpu_kick(t);
	while (!err && !READ_ONCE(t->parked)) {
		if (arch_counter() - start > arch_counter_freq())
			err = -ETIMEDOUT;
		arch_cpu_relax();
	}
	return err;
}
