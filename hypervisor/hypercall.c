// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercall dispatch: one tiny handler per ID of include/warden/hypercall.h.
 * Arguments come from the calling cell's registers and are untrusted:
 * every handler range-checks them and answers -errno, never faults.
 *
 * Non-root cells may only print (CONSOLE_PUTC, _WRITE) and ask GET_INFO; the
 * cell lifecycle, its queries and DISABLE are the root's (-EPERM).
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <warden/version.h>
#include <wd/cell.h>
#include <wd/console.h>
#include <wd/errno.h>
#include <wd/hypercall.h>
#include <wd/ivshmem.h>
#include <wd/page_pool.h>
#include <wd/percpu.h>
#include <wd/setup.h>

typedef long (*hypercall_fn)(struct percpu *pc, u64 a1, u64 a2, u64 a3);

static bool from_root(const struct percpu *pc)
{
	return pc->cell == &root_cell;
}

static long hc_get_info(struct percpu *pc, u64 what, u64 a2, u64 a3)
{
	(void)pc, (void)a2, (void)a3;
	switch (what) {
	case WD_INFO_VERSION:
		return (WARDEN_VERSION_MAJOR << 16) | WARDEN_VERSION_MINOR;
	case WD_INFO_NUM_CELLS:
		return cell_count(); /* a snapshot: cells come and go */
	case WD_INFO_MEM_POOL_USED:
		return (long)page_pool_used();
	case WD_INFO_MEM_POOL_SIZE:
		return (long)page_pool_size();
	case WD_INFO_COUNTER_HZ: /* x86 cells cannot calibrate the TSC */
		return (long)arch_counter_freq();
	default:
		return -EINVAL;
	}
}

static long hc_disable(struct percpu *pc, u64 a1, u64 a2, u64 a3)
{
	(void)a1, (void)a2, (void)a3;
	return from_root(pc) ? wd_disable_cpu(pc) : -EPERM;
}

static long hc_cell_create(struct percpu *pc, u64 config, u64 size, u64 a3)
{
	(void)a3;
	return from_root(pc) ? cell_create(config, size) : -EPERM;
}

/* The root's calls on one cell id: x1 = id, x2 and x3 unused. */
#define ROOT_CELL_CALL(op)                                             \
	static long hc_##op(struct percpu *pc, u64 id, u64 a2, u64 a3) \
	{                                                              \
		(void)a2, (void)a3;                                    \
		return from_root(pc) ? op(id) : -EPERM;                \
	}
ROOT_CELL_CALL(cell_set_loadable)
ROOT_CELL_CALL(cell_shutdown)
ROOT_CELL_CALL(cell_destroy)

/* x2 = entry IPA (0: the config's), x3 = x0 for it (cell_control.c). */
static long hc_cell_start(struct percpu *pc, u64 id, u64 entry, u64 arg)
{
	return from_root(pc) ? cell_start_at(id, entry, arg) : -EPERM;
}

static long hc_cell_state(struct percpu *pc, u64 id, u64 a2, u64 a3)
{
	const struct cell *cell;
	long ret = -ENOENT;

	(void)a2, (void)a3;
	if (!from_root(pc))
		return -EPERM;
	cell_mgmt_lock();
	cell = cell_find(id);
	if (cell)
		ret = __atomic_load_n(&cell->state, __ATOMIC_ACQUIRE);
	cell_mgmt_unlock();
	return ret;
}

/* Non-root output is collected per line and tagged with the cell. */
static long hc_console_putc(struct percpu *pc, u64 c, u64 a2, u64 a3)
{
	char ch = (char)c;

	(void)a2, (void)a3;
	if (c > 0xff)
		return -EINVAL;
	if (from_root(pc))
		console_write(&ch, 1);
	else
		cell_console_putc(pc->cell, ch);
	return 0;
}

/* x1 = buffer in the caller's RAM, x2 = length: cell_console_write.c. */
static long hc_console_write(struct percpu *pc, u64 ipa, u64 len, u64 a3)
{
	(void)a3;
	return console_write_call(pc->cell, ipa, len);
}

/* Counters of one CPU of a cell: x1 = cell id, x2 = CPU, x3 = stat. */
static long hc_cell_stats(struct percpu *pc, u64 id, u64 cpu, u64 stat)
{
	const struct cell *cell;
	long ret = -EINVAL;

	if (!from_root(pc))
		return -EPERM;
	cell_mgmt_lock();
	cell = cell_find(id);
	if (!cell)
		ret = -ENOENT;
	else if (cpu < WD_MAX_CPUS && (cell->cpu_set & BIT(cpu)) &&
		 stat < WD_STAT_COUNT)
		ret = (long)READ_ONCE(
			percpu_of((unsigned int)cpu)->stats[stat]);
	cell_mgmt_unlock();
	return ret;
}

/* Any cell: x1 = link id, x2 = peer cell id or WD_DOORBELL_ALL_PEERS. */
static long hc_doorbell(struct percpu *pc, u64 link, u64 target, u64 a3)
{
	(void)a3;
	return ivshmem_doorbell(pc->cell, link, target);
}

static long hc_link_state(struct percpu *pc, u64 link, u64 a2, u64 a3)
{
	(void)a2, (void)a3;
	return ivshmem_link_state(pc->cell, link);
}

/* x1 = cell id, x2 = first run, x3 = root page: see cell_mappings.c. */
static long hc_cell_mappings(struct percpu *pc, u64 id, u64 first, u64 buf)
{
	return from_root(pc) ? cell_mappings(id, first, buf) : -EPERM;
}

/*
 * x1 = the arch's syndrome of the exception, x2 = where it happened.
 * Trust: both are the cell's word; they only pick the message. A cell can
 * fail itself this way and nothing else.
 */
static long hc_cell_fault(struct percpu *pc, u64 syndrome, u64 at, u64 a3)
{
	(void)a3;
	if (from_root(pc))
		return -EPERM;
	cell_fail(pc->cell,
		  arch_reported_fault(syndrome) == FAULT_UNDEFINED_INSN
			  ? "undefined instruction (reported by the inmate)"
			  : "unhandled exception (reported by the inmate)",
		  at);
	return 0;
}

/* x1 = a root CPU Linux offlined (cell_cpu.c). */
static long hc_cpu_park(struct percpu *pc, u64 cpu, u64 a2, u64 a3)
{
	(void)a2, (void)a3;
	return from_root(pc) ? cell_cpu_park_root(cpu) : -EPERM;
}

static const hypercall_fn hypercalls[WD_HC_COUNT] = {
	[WD_HC_GET_INFO - WD_HC_BASE] = hc_get_info,
	[WD_HC_DISABLE - WD_HC_BASE] = hc_disable,
	[WD_HC_CELL_CREATE - WD_HC_BASE] = hc_cell_create,
	[WD_HC_CELL_SET_LOADABLE - WD_HC_BASE] = hc_cell_set_loadable,
	[WD_HC_CELL_START - WD_HC_BASE] = hc_cell_start,
	[WD_HC_CELL_SHUTDOWN - WD_HC_BASE] = hc_cell_shutdown,
	[WD_HC_CELL_DESTROY - WD_HC_BASE] = hc_cell_destroy,
	[WD_HC_CELL_STATE - WD_HC_BASE] = hc_cell_state,
	[WD_HC_CONSOLE_PUTC - WD_HC_BASE] = hc_console_putc,
	[WD_HC_CELL_STATS - WD_HC_BASE] = hc_cell_stats,
	[WD_HC_DOORBELL - WD_HC_BASE] = hc_doorbell,
	[WD_HC_LINK_STATE - WD_HC_BASE] = hc_link_state,
	[WD_HC_CELL_MAPPINGS - WD_HC_BASE] = hc_cell_mappings,
	[WD_HC_CELL_FAULT - WD_HC_BASE] = hc_cell_fault,
	[WD_HC_CONSOLE_WRITE - WD_HC_BASE] = hc_console_write,
	[WD_HC_CPU_PARK - WD_HC_BASE] = hc_cpu_park,
};

bool hypercall_is_warden(u64 id)
{
	return (id & 0xffff0000u) == WD_HC_BASE;
}

long hypercall_dispatch(struct percpu *pc, u64 id, u64 a1, u64 a2, u64 a3)
{
	u64 n = id - WD_HC_BASE;

	if (id < WD_HC_BASE || n >= WD_HC_COUNT || !hypercalls[n])
		return -ENOSYS;
	if (pc->cell == &root_cell)
		arch_dma_events(); /* dma.md: no event interrupt yet */
	return hypercalls[n](pc, a1, a2, a3);
}
