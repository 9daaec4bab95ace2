// SPDX-License-Identifier: GPL-2.0
/* A small Warden on the host: see world.h. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "world.h"

#include <arch.h>
#include <arch/fake.h>
#include <wd/cell.h>
#include <wd/ivshmem.h>
#include <wd/page_pool.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>

struct scenario world;
struct world_allocs world_allocs;
unsigned int world_printks;
char world_last_printk[256];
unsigned int world_disables;

static struct tb_blob system_blob;
static struct paging hyp; /* setup.c's EL2 tables, for wd_hyp_map() */

/* Host memory at the physical addresses the core writes, once. */
static int phys_map(u64 pa, u64 size)
{
	void *p = mmap((void *)pa, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
			       MAP_FIXED_NOREPLACE,
		       -1, 0);

	return p == (void *)pa ? 0 : -1;
}

static int phys_init(void)
{
	static int err = 1;

	if (err > 0)
		err = phys_map(WORLD_CONFIG_IPA, 4 * PAGE_SIZE)
			      ?: phys_map(TB_POOL, TB_POOL_SIZE);
	return err;
}

void *__real_page_alloc(void);
void *__wrap_page_alloc(void);

void *__wrap_page_alloc(void)
{
	unsigned int call = ++world_allocs.calls;

	if (world_allocs.on_alloc)
		world_allocs.on_alloc(call);
	if (call == world_allocs.fail_at)
		return NULL;
	return __real_page_alloc();
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(world_last_printk, sizeof(world_last_printk), fmt, ap);
	va_end(ap);
	world_printks++;
}

/* The root's own console output (WD_HC_CONSOLE_PUTC). */
void console_write(const char *s, size_t len)
{
	(void)s, (void)len;
	world_printks++;
}

/* Mapped read-only in the root's stage 2: Warden's memory will do. */
u64 console_ring_phys(void)
{
	return TB_HV;
}

long wd_disable_cpu(struct percpu *pc)
{
	(void)pc;
	world_disables++;
	return 0;
}

const struct wd_system *wd_system_config(void)
{
	return wd_config_system(system_blob.data);
}

struct wd_blob wd_system_blob(void)
{
	return (struct wd_blob){system_blob.data, system_blob.size};
}

/* As setup.c: the EL2 tables, flushed (and drained) after an unmap. */
int wd_hyp_map(u64 pa, u64 size, u32 flags)
{
	return paging_map(&hyp, pa, pa, size, flags);
}

void wd_hyp_unmap(u64 pa, u64 size)
{
	paging_unmap(&hyp, pa, size);
	arch_hyp_flush(&hyp);
}

/* CPUs of the scenario's cells are parked: Linux offlined them. */
static u64 offline_cpus(void)
{
	u64 set = 0;
	unsigned int i;

	for (i = 0; i < world.num_cells; i++)
		set |= world.cells[i].cell.cpu_set;
	return set;
}

int world_boot(void)
{
	if (phys_init() || !fake_pool_init(WORLD_POOL_PAGES))
		return -1;
	fake_arch_reset();
	world_allocs = (struct world_allocs){0};
	world_printks = world_disables = 0;
	system_blob = tb_build_system(&world.system);
	fake_cpus_init(&root_cell,
		       world.system.root.cell.cpu_set & ~offline_cpus());
	if (paging_create(&hyp, &arch_hyp_paging))
		return -1;
	return cell_init_root(wd_system_config(),
			      wd_config_root(system_blob.data))
		       ? -1
		       : 0;
}

/* What destroy would free, without parking or scrubbing. */
static void forget(struct cell *cell)
{
	ivshmem_cell_remove(cell);
	paging_destroy(&cell->stage2);
	page_free((void *)cell->blob.data);
	cell_free(cell);
}

int world_exit(void)
{
	struct cell *cell;

	while ((cell = cell_next(NULL)))
		forget(cell);
	cell_exit_root();
	paging_destroy(&hyp);
	tb_blob_free(&system_blob);
	fake_pool_exit();
	return 0;
}

long world_create(unsigned int i)
{
	struct tb_blob blob = tb_build_cell(&world.cells[i]);
	long ret;

	memcpy(paging_ptr(WORLD_CONFIG_IPA), blob.data, blob.size);
	ret = cell_create(WORLD_CONFIG_IPA, blob.size);
	tb_blob_free(&blob);
	return ret;
}

static struct cell *starting;
static long start_ret;

static void root_starts(struct percpu *pc)
{
	(void)pc;
	start_ret = cell_start(starting->id);
}

static bool start_while_parked(struct percpu *pc)
{
	(void)pc;
	fake_arch.on_idle = NULL;
	fake_cpu_run(0, root_starts);
	return true;
}

long world_start(struct cell *cell)
{
	unsigned int boot = (unsigned int)__builtin_ctzll(cell->cpu_set);

	starting = cell;
	start_ret = -1;
	fake_arch.on_idle = start_while_parked;
	if (fake_cpu_run(boot, cell_cpu_park) != FAKE_CPU_ENTERED)
		return start_ret ?: -1;
	return start_ret;
}
