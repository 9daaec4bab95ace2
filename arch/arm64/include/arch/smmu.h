/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SMMUv3 (arch/arm64/smmuv3.c, Documentation/dma.md): Warden owns it while
 * enabled; each stream of a cell's config translates through that cell's
 * memory map, every other stream aborts. All calls are no-ops when the
 * platform has no SMMU (platform.arm64.smmu_base 0).
 */
#ifndef ARCH_SMMU_H
#define ARCH_SMMU_H

#include <warden/config.h>

struct cell;
struct paging;

/* At enable, before the tables go live: maps the registers, queues. */
int smmu_map(struct paging *hyp, const struct wd_system *sys);
/* The root (first, turns the SMMU on) or a cell takes its streams. */
int smmu_cell_init(struct cell *cell);
/* A cell's streams go back to the root (or abort); the root: SMMU off. */
void smmu_cell_exit(struct cell *cell);
/* After a change to a cell's stage 2 (the stage-2 variant caches it). */
void smmu_stage2_flush(void);
/* An FIQ of the SMMU's (its wired SPIs, Warden's): handled, true. */
bool smmu_irq(u32 intid);

#endif
