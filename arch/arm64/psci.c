// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI 1.0 for cells, reached by trapped SMCs (HCR_EL2.TSC) or HVCs.
 * CPU_OFF parks the CPU in Warden (a powered-off CPU would come back at
 * EL2 without Warden); CPU_ON wakes a parked CPU of the same cell with
 * Warden's SGI and enters the cell at the given entry point, at EL1 with
 * the MMU off. Arguments are the cell's: every MPIDR is looked up in the
 * config and must name a CPU of the calling cell.
 */
#include <arch/gic.h>
#include <arch/psci.h>
#include <arch/sysreg.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/setup.h>

#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_SUSPEND 0x84000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON 0x84000003u
#define PSCI_AFFINITY_INFO 0x84000004u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000au
#define PSCI_SMC64 0x40000000u

#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED (-3)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)

#define PSCI_1_0 0x10000
#define MIGRATE_NOT_REQUIRED 2

bool psci_is_call(u64 fid)
{
	return (fid & ~(u64)PSCI_SMC64 & ~0x1full) == PSCI_VERSION ||
	       (fid & 0xffff0000ull) == 0x80000000ull;
}

u64 smc_call(u64 fid, u64 a1, u64 a2, u64 a3)
{
	register u64 x0 asm("x0") = fid;
	register u64 x1 asm("x1") = a1;
	register u64 x2 asm("x2") = a2;
	register u64 x3 asm("x3") = a3;

	asm volatile("smc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
		     :
		     : "memory");
	return x0;
}

/* Logical CPU of the caller's cell with this MPIDR, or -1. */
static int cell_cpu_of(const struct percpu *pc, u64 mpidr)
{
	const struct wd_platform *p = &wd_system_config()->platform;
	unsigned int cpu;

	for (cpu = 0; cpu < p->num_cpus && cpu < WD_MAX_CPUS; cpu++)
		if ((p->arm64.mpidr[cpu] & MPIDR_AFF_MASK) ==
			    (mpidr & MPIDR_AFF_MASK) &&
		    (pc->cell->cpu_set & BIT(cpu)))
			return (int)cpu;
	return -1;
}

/*
 * A cell that failed or is being stopped starts no more CPUs: decided
 * under the power lock with the power-on itself (cell_cpu.c).
 */
static s64 cpu_on(struct percpu *pc, u64 mpidr, u64 entry, u64 context)
{
	int cpu = cell_cpu_of(pc, mpidr);

	if (cpu < 0)
		return PSCI_INVALID_PARAMETERS;
	switch (cell_cpu_power_on(percpu_of((unsigned int)cpu), pc->cell, entry,
				  context)) {
	case 0:
		return PSCI_SUCCESS;
	case -EEXIST:
		return PSCI_ALREADY_ON;
	case -EBUSY:
		return PSCI_ON_PENDING;
	default:
		return PSCI_DENIED;
	}
}

static s64 affinity_info(struct percpu *pc, u64 mpidr, u64 level)
{
	int cpu = cell_cpu_of(pc, mpidr);

	if (cpu < 0 || level != 0)
		return PSCI_INVALID_PARAMETERS;
	return __atomic_load_n(&percpu_of((unsigned int)cpu)->power,
			       __ATOMIC_ACQUIRE);
}

static s64 features(u64 fid)
{
	switch (fid & ~(u64)PSCI_SMC64) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON:
	case PSCI_AFFINITY_INFO:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

/*
 * Whole-system calls: the root's go to the firmware. A cell's power
 * off or reset stops that cell only (SHUT_DOWN; a reset does not
 * restart it: its kernel's memory is no longer the loaded image).
 */
static s64 system_call(struct percpu *pc, u64 fid)
{
	if (pc->cell == &root_cell)
		return (s64)smc_call(fid, 0, 0, 0);
	cell_stop_itself(pc->cell, (fid & ~(u64)PSCI_SMC64) == PSCI_SYSTEM_OFF
					   ? "PSCI SYSTEM_OFF"
					   : "PSCI SYSTEM_RESET");
	return PSCI_SUCCESS;
}

/* Standby only: a power-down request is served as standby too. */
static s64 cpu_suspend(void)
{
	wfi();
	return PSCI_SUCCESS;
}

/* SMC32/HVC32 calls pass 32-bit arguments: ignore the upper halves. */
static void narrow_args(struct trap_frame *f)
{
	unsigned int i;

	if (f->x[0] & PSCI_SMC64)
		return;
	for (i = 1; i <= 3; i++)
		f->x[i] &= 0xffffffffull;
}

static s64 psci_call(struct percpu *pc, struct trap_frame *f)
{
	u64 fid = f->x[0];

	narrow_args(f);

	switch (fid & ~(u64)PSCI_SMC64) {
	case PSCI_VERSION:
		return PSCI_1_0;
	case PSCI_CPU_SUSPEND:
		return cpu_suspend();
	case PSCI_CPU_ON:
		return cpu_on(pc, f->x[1], f->x[2], f->x[3]);
	case PSCI_AFFINITY_INFO:
		return affinity_info(pc, f->x[1], f->x[2]);
	case PSCI_MIGRATE_INFO_TYPE:
		return MIGRATE_NOT_REQUIRED;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		return system_call(pc, fid);
	case PSCI_FEATURES:
		return features(f->x[1]);
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

void psci_handle(struct percpu *pc, struct trap_frame *f)
{
	pc->stats[WD_STAT_POWER]++;
	if ((f->x[0] & ~(u64)PSCI_SMC64) == PSCI_CPU_OFF)
		cell_cpu_park(pc); /* a CPU_ON enters the cell afresh */
	f->x[0] = (u64)psci_call(pc, f);
}
