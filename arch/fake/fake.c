// SPDX-License-Identifier: GPL-2.0
/*
 * Fake arch: flush hooks that record their calls, a counter the test
 * moves, and host memory standing in for the hypervisor's pool.
 */
#include <stdlib.h>
#include <string.h>

#include <arch.h>
#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/page_pool.h>
#include <wd/paging.h>

struct fake_arch_log fake_arch;

static void *pool_mem;

void fake_arch_reset(void)
{
	fake_arch = (struct fake_arch_log){0};
}

/* Stands for the invalidation itself: what a real TLBI would see. */
static void fake_tlbi(const struct paging *pg)
{
	fake_arch.last_flushed = pg;
	fake_arch.pool_used_at_flush = page_pool_used();
}

/* As the real hooks: invalidate, then free what the change took out. */
void arch_stage2_flush(struct cell *cell)
{
	fake_arch.stage2_flushes++;
	fake_arch.last_vmid = cell->arch.vmid;
	fake_tlbi(&cell->stage2);
	paging_flush_done(&cell->stage2);
}

void arch_hyp_flush(struct paging *hyp)
{
	fake_arch.hyp_flushes++;
	fake_tlbi(hyp);
	paging_flush_done(hyp);
}

u64 arch_counter(void)
{
	return fake_arch.counter;
}

u64 arch_counter_freq(void)
{
	return 1000000000; /* 1 tick = 1 ns */
}

/* A waiting loop's turn: time passes, other CPUs may move. */
void arch_cpu_relax(void)
{
	fake_arch.counter += fake_arch.relax_step;
	if (fake_arch.on_relax)
		fake_arch.on_relax();
}

u64 fake_pool_init(u64 pages)
{
	fake_pool_exit();
	pool_mem = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
	if (!pool_mem)
		return 0;
	if (page_pool_init(paging_pa(pool_mem), pages * PAGE_SIZE)) {
		fake_pool_exit();
		return 0;
	}
	return paging_pa(pool_mem);
}

void fake_pool_exit(void)
{
	free(pool_mem);
	pool_mem = NULL;
}

int arch_cell_init(struct cell *cell)
{
	(void)cell;
	fake_arch.cell_inits++;
	return fake_arch.cell_init_err;
}

void arch_dcache_clean(u64 pa, u64 size)
{
	(void)pa, (void)size;
}

void arch_scrub(u64 pa, u64 size)
{
	memset(paging_ptr(pa), 0, size);
}

void arch_fill_comm(struct wd_comm_region *comm)
{
	(void)comm; /* the fake arch has no interrupt-controller part */
}

/* The fake's own convention: syndrome 0 is an undefined instruction. */
void arch_dma_events(void)
{
	fake_arch.dma_polls++;
}

enum fault_kind arch_reported_fault(u64 syndrome)
{
	return syndrome ? FAULT_OTHER : FAULT_UNDEFINED_INSN;
}
