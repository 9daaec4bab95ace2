/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small Warden on the host for the core tests of the cell lifecycle,
 * the CPUs' power logic, the hypercall table and ivshmem: the real
 * hypervisor/cell*.c, hypercall.c, ivshmem.c over the fake arch, a
 * system and cells from the unit tests' builder (QEMU virt, 4 CPUs),
 * and what setup.c and the console would provide, stubbed here.
 *
 * Physical memory the core writes (the root's RAM where it leaves a
 * config, the cell pool where comm pages and scrubs land) is host memory
 * mapped at those very addresses (VA == PA, as paging_ptr() assumes).
 */
#ifndef TESTS_CORE_WORLD_H
#define TESTS_CORE_WORLD_H

#include "builder.h"

#include <wd/types.h>

/* Where world_create() leaves a config in the root's RAM. */
#define WORLD_CONFIG_IPA TB_RAM
/* A page of the root's RAM for answers (WD_HC_CELL_MAPPINGS). */
#define WORLD_ROOT_BUF (TB_RAM + 0x1000)
#define WORLD_POOL_PAGES 256

/* Edited by the test before world_boot(): the system and its cells. */
extern struct scenario world;

/*
 * Warden enabled on it: the page pool, the root cell (CPUs 0-3, those
 * of the scenario's cells parked and off as Linux left them). 0 or -1.
 */
int world_boot(void);
/* Forgets every cell left, frees the root and the pool; 0 or -1. */
int world_exit(void);
/* WD_HC_CELL_CREATE of world.cells[i], copied to the root's RAM. */
long world_create(unsigned int i);
/*
 * WD_HC_CELL_START from CPU 0 while the cell's boot CPU waits parked:
 * that CPU enters the cell. 0, or what went wrong (-1: it did not enter).
 */
struct cell;
long world_start(struct cell *cell);

/*
 * page_alloc() (wrapped: -Wl,--wrap=page_alloc): calls counted, the
 * fail_at-th from now fails (0: none), on_alloc runs before each one.
 */
struct world_allocs {
	unsigned int calls;
	unsigned int fail_at;
	void (*on_alloc)(unsigned int call);
};
extern struct world_allocs world_allocs;

/* printk(): how many lines, and the last one. */
extern unsigned int world_printks;
extern char world_last_printk[256];
/* wd_disable_cpu() calls. */
extern unsigned int world_disables;

#endif
