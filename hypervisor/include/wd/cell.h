/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells: a set of CPUs, a stage-2 address space built from the cell's
 * config, its interrupts (arch part) and the emulated MMIO ranges it may
 * touch. The root cell (Linux) exists from enable to disable; non-root
 * cells live in a fixed table between WD_HC_CELL_CREATE and
 * WD_HC_CELL_DESTROY (Documentation/hypervisor.md, "Cells").
 */
#ifndef WD_CELL_H
#define WD_CELL_H

#include <core.h>

#include <warden/comm.h>
#include <arch/cell.h>
#include <wd/config_check.h>
#include <wd/mmio.h>
#include <wd/paging.h>
#include <wd/ratelimit.h>
#include <wd/cell_cpu.h>
#include <wd/spinlock.h>

struct percpu;

/* Non-root cells: each takes a CPU and the root keeps one. */
#define WD_MAX_CELLS (WD_MAX_CPUS - 1)
/* A cell blob with every array at its maximum is 3048 bytes. */
#define CELL_CONFIG_MAX PAGE_SIZE
#define CELL_LINE_MAX 120

/* One line of the cell's console output, printed with its name. */
struct cell_console {
	spinlock_t lock;
	u32 len;
	char line[CELL_LINE_MAX + 1];
};

/*
 * A flood counter: events (invalid hypercalls, virtual IRQ queue
 * overflows) of a non-root cell in the current one-second window.
 */
struct cell_bad_calls {
	u64 window_start; /* counter */
	u32 count;
};

struct cell {
	u32 id; /* root 0, then 1, 2, ... never reused while enabled */
	u32 state; /* WD_CELL_STATE_*; cell_fail() may change it anytime */
	u32 row; /* per-cell tables with the root: 0 root, else 1 + slot */
	char name[WD_NAME_LEN];
	u64 cpu_set; /* current CPUs */
	bool power_frozen; /* being stopped: no power-on (cell_cpu.c) */
	const struct wd_cell *desc; /* validated config, in Warden memory */
	struct wd_blob blob; /* the whole config blob desc lives in */
	struct wd_comm_region *comm; /* identity mapped at EL2, or NULL */
	u64 comm_ipa; /* x0 at entry; 0 without a comm region */
	struct paging stage2;
	struct arch_cell arch;
	struct mmio_region mmio[MMIO_MAX_REGIONS];
	unsigned int num_mmio;
	struct cell_console console;
	struct cell_bad_calls bad_calls;
	struct cell_bad_calls virq_overflows;
	struct ratelimit rl[RL_CAUSES]; /* what it makes Warden print */
};

/* Declared in core.h: root_cell. */

/* cell.c: the root cell, and what every cell's stage 2 is made of. */
int cell_init_root(const struct wd_system *sys, const struct wd_cell *desc);
void cell_exit_root(void);
u32 cell_mem_flags(u32 wd_mem_flags);
int cell_map_devices(struct cell *cell);
int cell_map_region(struct cell *cell, const struct wd_mem_region *m);
/* Only through cell_cpus_move(), which holds the power lock. */
void cell_move_cpus(u64 cpu_set, struct cell *to);

/* cell_table.c: the non-root cells. Callers hold the management lock. */
/* Declared in core.h: cell_mgmt_lock(), cell_mgmt_unlock(). */
struct cell *cell_alloc(void);
void cell_free(struct cell *cell);
struct cell *cell_find(u64 id); /* root included; NULL if none */
unsigned int cell_count(void); /* root included */
/* Non-root cells in table order: pass NULL first, NULL at the end. */
struct cell *cell_next(const struct cell *prev);
/* Declared in core.h: cell_slot(). */

/* cell_state.c: state, also published in the comm region. */
void cell_set_state(struct cell *cell, u32 state);
bool cell_change_state(struct cell *cell, u32 from, u32 to);
bool cell_is_stopped(const struct cell *cell);

/*
 * Lifecycle, called by the root through hypercalls. Each returns 0 (or
 * the new cell's id) or -errno and changes nothing on error, except
 * where a step cannot be undone (documented at the function).
 */
long cell_create(u64 config_ipa, u64 size);
long cell_set_loadable(u64 id);
long cell_start(u64 id);
/* entry != 0: the boot CPU enters there with x0 = arg (a Linux kernel). */
long cell_start_at(u64 id, u64 entry, u64 arg);
long cell_shutdown(u64 id);
long cell_destroy(u64 id);
/* cell_mappings.c: WD_HC_CELL_MAPPINGS into a page of the root. */
long cell_mappings(u64 id, u64 first, u64 buf_ipa);

/* cell_root.c: what the root lends to and takes back from cells. */
int root_copy_from(void *dst, u64 ipa, u64 size);
int root_copy_to(u64 ipa, const void *src, u64 size);
int root_lend_devices(const struct cell *cell);
int root_take_back_devices(const struct cell *cell);
/* Before its streams go back: its PCI functions stop mastering. */
void cell_pci_quiesce(const struct cell *cell);
int root_map_loadable(const struct cell *cell);
void root_unmap_loadable(const struct cell *cell);
/* After root_unmap_loadable() and the TLB flush: caches cleaned. */
void root_clean_loadable(const struct cell *cell);
/* The cell's comm page, read-only in the root (0 or -errno; none: 0). */
int root_map_comm(const struct cell *cell);
void root_unmap_comm(const struct cell *cell);
/* Declared in core.h: cell_owning(). */
/* Is [pa, pa + size) the root's own RAM (for DMA bases it programs)? */
/* Declared in core.h: root_owns_ram(). */

/*
 * cell_fail.c. A cell did something it may not: a non-root cell goes to
 * FAILED, the message names it, the kind and the address, its CPUs
 * park (the calling one on its way out of the trap); the root only gets
 * the message. Call from a trap handler, holding no lock.
 */
/* Declared in core.h: cell_fail(). */
/* An invalid hypercall of pc's cell: too many per second fail it. */
/* Declared in core.h: cell_bad_call(). */
/*
 * pc's virtual IRQ queue was full and intid was dropped: rate-limited
 * message; too many per second fail a non-root cell ("virtual IRQ
 * flood"). The caller's CPU parks at its next cell_cpu_check_requests().
 */
/* Declared in core.h: cell_virq_overflow(). */

/* Does [start, start + size) share a byte with r? */
static inline bool range_touches(u64 start, u64 size, const struct wd_range *r)
{
	return start < r->start + r->size && r->start < start + size;
}

/* What the cell makes Warden print, budgeted (wd/ratelimit.h). */
static inline bool cell_ratelimit(struct cell *cell, enum rl_cause cause,
				  u32 cost)
{
	return ratelimit(cell->rl, cause, cost, cell->name);
}

/* cell_console.c: WD_HC_CONSOLE_PUTC, one tagged line at a time. */
void cell_console_putc(struct cell *cell, char c);
/* The same for len bytes already copied into Warden memory. */
void cell_console_write(struct cell *cell, const char *s, size_t len);
void cell_console_flush(struct cell *cell);
/*
 * cell_console_write.c: WD_HC_CONSOLE_WRITE of a cell (the root's bytes
 * go out raw). Returns len or -errno.
 */
long console_write_call(struct cell *cell, u64 ipa, u64 len);

#endif
