/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell CPUs (hypervisor/cell_cpu.c): a CPU either runs its cell at EL1 or
 * is parked in Warden. It leaves the park only through a power-on (a
 * power-on call by its cell, cell start by the root) and enters its cell
 * like a CPU out of reset. Other CPUs ask a running CPU to park with a
 * request bit and a kick (arch_cpu_kick()).
 */
#ifndef WD_CELL_CPU_H
#define WD_CELL_CPU_H

#include <core.h>

#include <wd/types.h>

struct cell;
struct percpu;

/* arch: a kick arrived on a running CPU: handle its requests. */
/* Declared in core.h: cell_cpu_kicked(). */
/* On the way back from a synchronous trap: park if asked to. */
/* Declared in core.h: cell_cpu_check_requests(). */
/* Park this CPU until a power-on, then enter its cell (a power-off call). */
/* Declared in core.h: cell_cpu_park(). */
/*
 * Powers a CPU on for `cell` (the caller's, or the one the
 * root starts): 0, -EEXIST (on), -EBUSY (on pending), -EPERM (target not
 * in that cell, or the cell is stopped or being stopped).
 */
/* Declared in core.h: cell_cpu_power_on(). */
/*
 * Freeze the cell (no more power-ons), park its CPUs and wait until they
 * are: 0, or -ETIMEDOUT with the cell thawed again.
 */
int cell_cpus_park(struct cell *cell);
/* Freezes and posts park requests without waiting (a failing cell). */
void cell_cpus_request_park(struct cell *cell);
/* Every CPU of the set parked with no power-on pending. */
bool cell_cpus_parked(u64 cpu_set);
/* A root CPU Linux offlined parks (WD_HC_CPU_PARK): 0 or -errno. */
long cell_cpu_park_root(u64 cpu);
/* A stopped cell about to start: its CPUs may power on again. */
void cell_cpus_thaw(struct cell *cell);
/* Parked, powered-off CPUs of `from` move to `to`: 0 or -EBUSY. */
int cell_cpus_move(u64 cpu_set, struct cell *from, struct cell *to);

#endif
