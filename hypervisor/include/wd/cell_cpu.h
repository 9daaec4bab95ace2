/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell CPUs (hypervisor/cell_cpu.c): a CPU either runs its cell at EL1 or
 * is parked in Warden. It leaves the park only through a power-on (PSCI
 * CPU_ON by its cell, cell start by the root) and enters its cell like a
 * CPU out of reset. Other CPUs ask a running CPU to park with a request
 * bit and Warden's SGI.
 */
#ifndef WD_CELL_CPU_H
#define WD_CELL_CPU_H

#include <wd/types.h>

struct percpu;

/* Warden's SGI arrived on a running CPU: handle its requests. */
void cell_cpu_sgi(struct percpu *pc);
/* On the way back from a synchronous trap: park if asked to. */
void cell_cpu_check_requests(struct percpu *pc);
/* Park this CPU until a power-on, then enter its cell (PSCI CPU_OFF). */
__attribute__((noreturn)) void cell_cpu_park(struct percpu *pc);
/* PSCI CPU_ON semantics: 0, -EEXIST (on), -EBUSY (on pending). */
int cell_cpu_power_on(struct percpu *target, u64 entry, u64 context);
/* Park every CPU of cpu_set and wait until they are: 0 or -ETIMEDOUT. */
int cell_cpus_park(u64 cpu_set);
/* Posts park requests without waiting (a failing cell, from its CPU). */
void cell_cpus_request_park(u64 cpu_set);
bool cell_cpus_parked(u64 cpu_set);

#endif
