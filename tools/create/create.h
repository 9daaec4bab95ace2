/* SPDX-License-Identifier: GPL-2.0 */
/* `warden config create`: the pieces between the DT and the C file. */
#ifndef WARDEN_CREATE_H
#define WARDEN_CREATE_H

#include <stdio.h>

#include "dt.h"
#include "root_map.h"

/* How a system config divides the board (decided in cmd_create.c). */
struct split {
	struct range hv, pool, ram; /* ram: the bank holding Warden's */
	wd_u32 num_irqs;
};

void emit_system(FILE *f, const struct board *b, const struct create_opts *o,
		 const struct split *s, const struct root_map *m);

/* Writes what emit() prints to path via a temporary file, renamed only
 * when emit() returned 0: an error never leaves a partial file. */
int write_atomically(const char *path, int (*emit)(FILE *f, void *ctx),
		     void *ctx);

/* Parses "BASE,SIZE" (sizes may end in K, M or G); 0 on success. */
int parse_range(const char *s, struct range *r);
/* Parses "SIZE" with an optional K, M or G; 0 on success. */
int parse_size(const char *s, wd_u64 *v);

int config_create_system(int argc, char **argv);
int config_create_cell(int argc, char **argv);

#endif
