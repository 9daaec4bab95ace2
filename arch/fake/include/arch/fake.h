/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fake arch: the arch.h hooks the portable core needs, for host tests of
 * hypervisor/ code (tests/core/, `make test-core`). No hardware: "physical
 * memory" is a page-aligned host buffer, and since the core assumes
 * VA == PA (paging_ptr(), paging_pa()), a physical address here is the
 * host address itself. Flush hooks do what the real ones must (drain the
 * paging's stale tables) and record that they ran.
 *
 * Paging formats (arch_hyp_paging, arch_stage2_paging): 4 KiB pages,
 * 512-entry tables, bit 0 valid, bits 1:0 = 3 a table below level 3, the
 * generic PG_* flags in bits 5:2 of a leaf, the address in bits 47:12.
 * The hypervisor's starts at level 1 (39-bit VA), stage 2 at level 0
 * (48-bit), so both shapes of walk are exercised.
 */
#ifndef ARCH_FAKE_H
#define ARCH_FAKE_H

#include <wd/types.h>

struct cell;
struct paging;
struct percpu;

#define FAKE_PTE_VALID BIT(0)
#define FAKE_PTE_TABLE (BIT(0) | BIT(1))
#define FAKE_PTE_FLAGS_SHIFT 2
#define FAKE_PTE_FLAGS_MASK (0xfull << FAKE_PTE_FLAGS_SHIFT)
#define FAKE_PTE_ADDR_MASK 0x0000fffffffff000ull

/* What the hooks saw since fake_arch_reset(). */
struct fake_arch_log {
	unsigned int hyp_flushes;
	unsigned int stage2_flushes;
	const struct paging *last_flushed; /* paging of the last flush */
	u64 last_vmid; /* arch.vmid of the last stage-2 flush */
	/* page_pool_used() when the last TLB invalidation ran. */
	u64 pool_used_at_flush;
	u64 counter; /* arch_counter(): the test moves it */
	unsigned int cell_inits;
	/* arch/fake/cpu.c (the CPUs as data) and arch_cpu_relax(). */
	int cell_init_err; /* arch_cell_init() fails with it if non-zero */
	unsigned int cell_exits;
	u64 relax_step; /* arch_cpu_relax() advances the counter by it */
	void (*on_relax)(void); /* and calls it (another CPU's move) */
	unsigned int this_cpu; /* arch_this_cpu() */
	u64 kicked; /* CPUs arch_cpu_kick() interrupted */
	unsigned int kicks;
	u64 quiesced; /* CPUs that ran arch_cpu_quiesce() */
	unsigned int idles;
	/* Called by arch_cpu_idle(): true to keep idling, else it leaves. */
	bool (*on_idle)(struct percpu *pc);
	u64 entry, context; /* of the last arch_cpu_enter() */
	unsigned int doorbells; /* arch_doorbell_ring() calls */
	u32 last_doorbell;
	unsigned int traps_printed;
	unsigned int dma_polls; /* arch_dma_events() calls */
};

extern struct fake_arch_log fake_arch;

void fake_arch_reset(void);
/*
 * Page pool over a fresh host buffer of pages pages (0 on failure);
 * fake_pool_exit() frees it. One pool at a time, as in Warden.
 */
u64 fake_pool_init(u64 pages);
void fake_pool_exit(void);

/*
 * CPUs as data (arch/fake/cpu.c): percpu_of() and this_cpu() over an
 * array of WD_MAX_CPUS. fake_cpus_init() puts every CPU in cell, those of online
 * running (powered on), the others parked and off, as Linux leaves
 * CPUs it offlined.
 *
 * The park loop never returns on hardware; here fake_cpu_run() runs fn
 * as the given CPU and returns how it left: fn returned, or
 * arch_cpu_idle() (on_idle NULL or false: the CPU waits, parked), or
 * arch_cpu_enter() (the CPU entered its cell) jumped back out. Runs may
 * nest (a CPU parks from another's on_relax).
 */
enum fake_cpu_exit { FAKE_CPU_RETURNED, FAKE_CPU_IDLE, FAKE_CPU_ENTERED };

void fake_cpus_init(struct cell *cell, u64 online);
enum fake_cpu_exit fake_cpu_run(unsigned int cpu,
				void (*fn)(struct percpu *pc));

#endif
