/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `warden config create --cell`: a cell config from a system config's
 * free resources. Trust: the input blobs are the user's; each is run
 * through the checker's layout check before any field is read, and the
 * result is checked with the full checker before it is written.
 */
#ifndef WARDEN_CREATE_CELL_H
#define WARDEN_CREATE_CELL_H

#include <stdio.h>

#include <warden/config.h>

#include "../blob.h"
#include "dt.h"

#define CELL_GUEST_RAM 0x40000000ull /* where the inmates are linked */
#define CELL_GUEST_COMM 0x80000000ull /* Documentation/inmate-abi.md */
#define MAX_USED 1024

struct cell_opts {
	const char *name, *out, *dtb;
	wd_u64 cpus, ram;
	const char *devices[WD_MAX_DEVICES];
	unsigned int num_devices;
	char *inputs[16]; /* SYS.cell, then the other cells */
	unsigned int num_inputs;
};

/* The cell being made. */
struct cell_plan {
	wd_u64 cpu_set;
	struct wd_mem_region mem[2]; /* RAM, comm page */
	struct wd_device dev[WD_MAX_DEVICES];
	char dev_path[WD_MAX_DEVICES][DT_PATH_LEN];
	unsigned int num_devices;
};

/* Physical memory already taken: by Warden, the root, the other cells. */
struct used {
	struct range r[MAX_USED];
	unsigned int n;
};

int plan_cpus(const struct blob *in, unsigned int n, wd_u64 want,
	      struct cell_plan *p);
void collect_used(const struct blob *in, unsigned int n, struct used *u);
int plan_memory(const struct wd_system *sys, const struct used *u, wd_u64 ram,
		struct cell_plan *p);
/* console: Warden's UART (the system's console.phys), never a cell's */
int plan_devices(const struct cell_opts *o, wd_u64 console,
		 struct cell_plan *p);
/* The plan as a blob (malloc'd) and as C. */
void *cell_blob(const struct cell_opts *o, const struct cell_plan *p,
		size_t *size);
int emit_cell(FILE *f, const struct cell_opts *o, const struct cell_plan *p);

#endif
