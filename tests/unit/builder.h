/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Builds config blobs in memory for the checker's unit tests: a scenario
 * (a system plus a few cells) is edited as plain structs, then serialised
 * into malloc'd blobs of exactly their size, so that AddressSanitizer sees
 * any read past the end.
 */
#ifndef TESTS_BUILDER_H
#define TESTS_BUILDER_H

#include <warden/config.h>
#include <warden/rtos.h>

/* The board the shipped configs describe: the same numbers here. */
#include "../../configs/arm64/qemu-virt-board.h"

#define TB_MAX_CELLS 4

struct tb_cell {
	struct wd_cell cell;
	struct wd_mem_region mem[WD_MAX_MEM_REGIONS];
	struct wd_device dev[WD_MAX_DEVICES];
	struct wd_rt_taskset rt; /* written when cell.flags has RT_TASKSET */
	struct wd_link links[WD_MAX_LINKS];
	struct wd_stream streams[WD_MAX_STREAMS];
	wd_u32 irqs[WD_MAX_IRQS];
};

struct tb_system {
	struct wd_system sys;
	struct tb_cell root;
};

/* What the CLI would be given: one system config and some cell configs. */
struct scenario {
	struct tb_system system;
	struct tb_cell cells[TB_MAX_CELLS];
	unsigned int num_cells;
};

struct tb_blob {
	void *data;
	wd_u64 size;
};

/* Memory map of the shipped QEMU virt configs: the board header. */
#define TB_RAM ((wd_u64)QEMU_VIRT_RAM_BASE)
#define TB_RAM_SIZE ((wd_u64)QEMU_VIRT_RAM_SIZE)
#define TB_POOL ((wd_u64)QEMU_VIRT_POOL_BASE)
#define TB_POOL_SIZE ((wd_u64)QEMU_VIRT_POOL_SIZE)
#define TB_HV ((wd_u64)QEMU_VIRT_HV_BASE)
#define TB_HV_SIZE ((wd_u64)QEMU_VIRT_HV_SIZE)
#define TB_GICD ((wd_u64)QEMU_VIRT_GICD_BASE)
#define TB_GICR ((wd_u64)QEMU_VIRT_GICR_BASE) /* up to QEMU_VIRT_GICR_END */
#define TB_RWX (WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC)
#define TB_RW (WD_MEM_READ | WD_MEM_WRITE)

/*
 * A valid scenario: QEMU virt with 4 CPUs and the given GIC, and one cell
 * "demo" on CPU 3 with 16 MiB at the start of the pool and a comm page.
 */
void tb_scenario_init(struct scenario *s, unsigned int gic_version);
/* Appends a second valid cell "cell2" on CPU 2; returns its index. */
unsigned int tb_add_cell2(struct scenario *s);

unsigned int tb_add_mem(struct tb_cell *c, wd_u64 phys, wd_u64 virt,
			wd_u64 size, wd_u32 flags);
unsigned int tb_add_dev(struct tb_cell *c, const char *name, wd_u64 mmio,
			wd_u64 size, wd_u32 irq);
unsigned int tb_add_irq(struct tb_cell *c, wd_u32 intid);
unsigned int tb_add_link(struct tb_cell *c, wd_u32 id, wd_u32 mem_index,
			 wd_u32 doorbell_irq);

unsigned int tb_add_stream(struct tb_cell *c, wd_u32 id, wd_u32 device);

struct tb_blob tb_build_system(const struct tb_system *s);
struct tb_blob tb_build_cell(const struct tb_cell *c);
/* A copy of the first size bytes of b (size may exceed b.size: zeroes). */
struct tb_blob tb_blob_resize(const struct tb_blob *b, wd_u64 size);
void tb_blob_free(struct tb_blob *b);

#endif
