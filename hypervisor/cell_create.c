// SPDX-License-Identifier: GPL-2.0
/*
 * WD_HC_CELL_CREATE: the root hands Warden a cell config and the CPUs
 * Linux took offline (parked in Warden); Warden checks the config again
 * on its own copy, against the platform and every live cell, builds the
 * cell's stage 2, takes the cell's devices and CPUs from the root, hands
 * the arch its interrupts, and fills the comm region. Nothing runs yet.
 */
#include <arch.h>
#include <warden/comm.h>
#include <warden/hypercall.h>
#include <warden/rtos.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/config_check.h>
#include <wd/errno.h>
#include <wd/ivshmem.h>
#include <wd/page_pool.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>
#include <wd/string.h>

/* The code only: the driver showed the text when it checked first. */
static void report_violation(void *ctx, const struct wd_violation *v)
{
	(void)ctx;
	/* Only the root creates cells: its budget, not a cell's. */
	if (cell_ratelimit(&root_cell, RL_VIOLATION, 1))
		printk("cell create: %s %s[%d]: violation %u\n",
		       v->cell ? v->cell : "system", v->field, v->index,
		       v->code);
}

/* The config alone, then with the live cells (the new one last: blamed). */
static int check_config(const struct cell *cell)
{
	static struct wd_blob blobs[WD_MAX_CELLS + 1]; /* mgmt lock held */
	struct wd_check_report report = {.violation = report_violation};
	struct wd_blob system = wd_system_blob();
	const struct cell *c = NULL;
	unsigned int n = 0;

	if (wd_check_cell(cell->blob.data, cell->blob.size, &report))
		return -EINVAL;
	while ((c = cell_next(c)))
		if (c != cell)
			blobs[n++] = c->blob;
	blobs[n++] = cell->blob;
	return wd_check_set(&system, blobs, n, &report) ? -EINVAL : 0;
}

/* Linux must have offlined them: each waits parked in Warden. */
static int check_cpus(const struct cell *cell)
{
	const struct percpu *pc;
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		if (!(cell->cpu_set & BIT(cpu)))
			continue;
		pc = percpu_of(cpu);
		if (!(root_cell.cpu_set & BIT(cpu)) || !pc->parked ||
		    pc->power != CPU_POWER_OFF) {
			printk("cell create: CPU %u is not an offline root "
			       "CPU\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

static int build_stage2(struct cell *cell)
{
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;
	int err = paging_create(&cell->stage2, &arch_stage2_paging);

	for (i = 0; !err && i < cell->desc->num_mem_regions; i++)
		err = cell_map_region(cell, &m[i]);
	return err ?: cell_map_devices(cell);
}

/* From here the root notices: its devices and CPUs move to the cell. */
static int attach(struct cell *cell)
{
	int err = root_lend_devices(cell);

	if (!err) {
		/* Again under the power lock: the root may have onlined one. */
		err = cell_cpus_move(cell->cpu_set, &root_cell, cell);
		if (err)
			printk("cell create: a CPU of the cell came back "
			       "online\n");
	}
	if (!err) {
		err = arch_cell_init(cell);
		if (err)
			cell_cpus_move(cell->cpu_set, cell, &root_cell);
	}
	if (err)
		root_take_back_devices(cell);
	arch_stage2_flush(&root_cell);
	return err;
}

static const struct wd_mem_region *comm_region(const struct wd_cell *desc)
{
	const struct wd_mem_region *m = wd_cell_mem(desc);
	unsigned int i;

	for (i = 0; i < desc->num_mem_regions; i++)
		if (m[i].flags & WD_MEM_COMM)
			return &m[i];
	return NULL;
}

static void fill_comm(struct wd_comm_region *c, const struct cell *cell)
{
	memset(c, 0, PAGE_SIZE);
	c->signature = WD_COMM_SIGNATURE;
	c->revision = WD_COMM_REVISION;
	c->state = WD_CELL_STATE_CREATED;
	memcpy(c->name, cell->name, WD_NAME_LEN);
	c->cell_id = cell->id;
	c->cpu_set = cell->cpu_set;
	c->timer_freq = arch_counter_freq();
	arch_fill_comm(c);
}

/* The comm page: Warden's part, the task set, then the RTOS's statistics. */
#define RT_TASKSET_END \
	(WD_COMM_RT_TASKSET_OFFSET + sizeof(struct wd_rt_taskset))
_Static_assert(sizeof(struct wd_comm_region) <= WD_COMM_RT_TASKSET_OFFSET,
	       "comm region overlaps the task set");
_Static_assert(RT_TASKSET_END <= WD_RT_STATS_OFFSET,
	       "task set overlaps the RTOS statistics");

/* A real-time cell finds its checked task set in the comm page. */
static void copy_rt_taskset(struct wd_comm_region *c, const struct cell *cell)
{
	if (!(cell->desc->flags & WD_CELL_RT_TASKSET))
		return;
	memcpy((u8 *)c + WD_COMM_RT_TASKSET_OFFSET,
	       wd_cell_rt_taskset(cell->desc), sizeof(struct wd_rt_taskset));
}

/*
 * The comm page is pool RAM (the checker says so): mapped at EL2. In a
 * coloured cell it is a frame of the cell's colours (wd/cell_colour.h).
 * Checked again here because the root is about to read it: a comm page
 * anywhere else refuses the cell.
 */
static int find_comm(struct cell *cell)
{
	const struct wd_mem_region *m = comm_region(cell->desc);
	const struct wd_range *pool = &wd_system_config()->cell_pool;
	u64 pa;

	if (!m)
		return 0;
	if (region_first_pa(cell->desc, m, &pa) || pa < pool->start ||
	    pa - pool->start >= pool->size) {
		printk("cell create: comm region is not in the cell pool\n");
		return -EINVAL;
	}
	cell->comm = paging_ptr(pa);
	cell->comm_ipa = m->virt_start;
	return 0;
}

/* Read-only in the root from now on (root_map_comm()). */
static int show_comm_to_root(const struct cell *cell)
{
	int err = root_map_comm(cell);

	if (err)
		printk("cell create: comm page not mappable for the root "
		       "(%d)\n",
		       err);
	return err;
}

static void init_comm(struct cell *cell)
{
	if (!cell->comm)
		return;
	fill_comm(cell->comm, cell);
	copy_rt_taskset(cell->comm, cell);
	arch_dcache_clean(paging_pa(cell->comm), PAGE_SIZE);
}

/* What create built before attach(), which undoes its own part. */
static void undo_create(struct cell *cell)
{
	root_unmap_comm(cell);
	arch_stage2_flush(&root_cell);
	paging_destroy(&cell->stage2);
	cell_free(cell);
}

/* Counter ticks to microseconds, for the "created" line. */
static u64 ticks_to_us(u64 ticks)
{
	u64 freq = arch_counter_freq();

	return freq ? ticks * 1000000 / freq : 0;
}

static long create_locked(void *blob, u64 size)
{
	struct cell *cell = cell_alloc();
	u64 start = arch_counter();
	int err;

	if (!cell)
		return -ENOSPC;
	cell->blob = (struct wd_blob){blob, size};
	cell->desc = wd_config_cell(blob);
	cell->cpu_set = cell->desc->cpu_set;
	memcpy(cell->name, cell->desc->name, WD_NAME_LEN);
	cell->name[WD_NAME_LEN - 1] = '\0';
	err = check_config(cell) ?: check_cpus(cell) ?: find_comm(cell)
					 ?: build_stage2(cell);
	if (!err)
		err = show_comm_to_root(cell) ?: attach(cell);
	if (err) {
		undo_create(cell);
		return err;
	}
	init_comm(cell);
	cell_set_state(cell, WD_CELL_STATE_CREATED);
	ivshmem_cell_add(cell);
	printk("cell '%s' created: id %u, CPUs 0x%llx, in %llu us\n",
	       cell->name, cell->id, cell->cpu_set,
	       ticks_to_us(arch_counter() - start));
	return cell->id;
}

/*
 * config_ipa and size are the root's. The blob is copied into a page of
 * Warden's before anything reads it; that copy is the cell's config for
 * its whole life.
 *
 * The page is taken and filled under the management lock, which every
 * change to the root's stage 2 holds up to its flush: the root's data
 * never lands in a page that a table change of another CPU is between
 * taking out and flushing (the deferred free makes that impossible too:
 * wd/paging.h). Lock order: management lock, then root_copy_from()'s.
 */
long cell_create(u64 config_ipa, u64 size)
{
	void *blob;
	long ret = -ENOMEM;

	if (size > CELL_CONFIG_MAX)
		return -E2BIG;
	cell_mgmt_lock();
	blob = page_alloc();
	if (blob)
		ret = root_copy_from(blob, config_ipa, size)
			      ?: create_locked(blob, size);
	if (ret < 0 && blob)
		page_free(blob);
	cell_mgmt_unlock();
	return ret;
}
