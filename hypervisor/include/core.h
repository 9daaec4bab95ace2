/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The door from the architecture (arch/<arch>/) into the portable core
 * (hypervisor/): every core function arch code may call, one line each.
 * arch.h lists the other direction. Arch code may also use the core's
 * types and inline helpers (the wd/ headers), memcpy/memset (wd/string.h), the
 * config accessors (wd/config_check.h) and, in its checker rules only,
 * wd/config_rules.h.
 *
 * Each prototype is here only: its module's header includes this file
 * and says "Declared in core.h" where it stood, so a declaration cannot
 * drift between two places.
 */
#ifndef WD_CORE_H
#define WD_CORE_H

#include <wd/types.h>

struct cell;
struct mmio_access;
struct paging;
struct percpu;
struct wd_cell;
struct wd_mem_region;
struct wd_system;

/* Setup (wd/setup.h). */
/* Called on each CPU by the arch entry, MMU on: 0 or -errno. */
long wd_enable_cpu(unsigned int cpu_id);
/* Warden's checked copy of the system config. */
const struct wd_system *wd_system_config(void);
/* The per-CPU data of cpu_id (wd/percpu.h). */
struct percpu *percpu_of(unsigned int cpu_id);
/* Formatted output to Warden's console (wd/printk.h). */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Traps (wd/hypercall.h, wd/mmio.h). */
/* True if id is one of Warden's hypercalls. */
bool hypercall_is_warden(u64 id);
/* Runs hypercall id for pc's cell: its result, or -ENOSYS. */
long hypercall_dispatch(struct percpu *pc, u64 id, u64 a1, u64 a2, u64 a3);
/*
 * WD_HC_DOORBELL of cell from (wd/ivshmem.h); also the arch's doorbell
 * fast path, which handles the call only if this is not negative.
 */
long ivshmem_doorbell(const struct cell *from, u64 id, u64 target);
/* Hands a decoded MMIO access to the cell's emulation, or -ENOENT. */
int mmio_dispatch(struct cell *cell, struct mmio_access *acc);
typedef int (*mmio_handler_fn)(void *arg, struct mmio_access *acc);
/* Emulates [start, start + size) of cell with handler: 0 or -errno. */
int mmio_register(struct cell *cell, u64 start, u64 size,
		  mmio_handler_fn handler, void *arg);

/* Cells (wd/cell.h, wd/cell_cpu.h, wd/cell_colour.h). */
extern struct cell root_cell;
/* Serialise cell management (create, destroy, start, shutdown). */
void cell_mgmt_lock(void);
void cell_mgmt_unlock(void);
/* The cell's index in per-cell tables (0: the root). */
unsigned int cell_slot(const struct cell *cell);
/* The non-root cell whose memory holds pa, or NULL. */
const struct cell *cell_owning(u64 pa);
/* Is [pa, pa + size) the root's own RAM (for DMA bases it programs)? */
bool root_owns_ram(u64 pa, u64 size);
/* A cell broke a rule: a non-root one fails, the root gets a message. */
void cell_fail(struct cell *cell, const char *kind, u64 addr);
/* A running cell asked to stop (arm64: PSCI SYSTEM_OFF/RESET): SHUT_DOWN. */
void cell_stop_itself(struct cell *cell, const char *why);
/* An invalid hypercall of pc's cell: too many per second fail it. */
void cell_bad_call(struct percpu *pc, u64 pc_addr);
/* pc's virtual IRQ queue dropped irq: rate-limited, may fail the cell. */
void cell_virq_overflow(struct percpu *pc, u32 irq);
/* A kick (arch_cpu_kick()) arrived on a running CPU. */
void cell_cpu_kicked(struct percpu *pc);
/* On the way back from a synchronous trap: park if asked to. */
void cell_cpu_check_requests(struct percpu *pc);
/* Park this CPU until a power-on, then enter its cell. */
__attribute__((noreturn)) void cell_cpu_park(struct percpu *pc);
/* A power-on call for target on behalf of cell: 0 or -errno. */
int cell_cpu_power_on(struct percpu *target, struct cell *cell, u64 entry,
		      u64 context);

/* Calls fn on each run of region m in guest-physical order. */
typedef int (*region_run_fn)(void *ctx, u64 ipa, u64 pa, u64 size);
int region_for_each_run(const struct wd_cell *desc,
			const struct wd_mem_region *m, region_run_fn fn,
			void *ctx);

/* Memory (wd/paging.h). */
/* Maps [pa, pa + size) at va in pg: 0 or -errno. */
int paging_map(struct paging *pg, u64 va, u64 pa, u64 size, u32 flags);
/* Called by the arch's flush hooks once the TLBs are clean. */
void paging_flush_done(struct paging *pg);

#endif
