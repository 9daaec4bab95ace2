/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `warden config create`: what a device tree says about a board, read
 * with libfdt. Trust: the DTB is the user's file (or the firmware's);
 * every property is length-checked before it is read, and anything the
 * tool cannot decide is an error naming the node, never a guess.
 */
#ifndef WARDEN_CREATE_DT_H
#define WARDEN_CREATE_DT_H

#include <stddef.h>

#include <warden/config.h>

#define DT_MAX_BANKS 8
#define DT_MAX_RANGES 512 /* device MMIO ranges read from the DT */
#define DT_MAX_LINKS 4 /* warden,ivshmem nodes of the root */
#define DT_PATH_LEN 160

struct range {
	wd_u64 base, size;
};

/* One MMIO range of a device node, with the node's first GIC SPI. */
struct dt_mmio {
	struct range r;
	wd_u32 spi; /* 0 = none */
	char path[DT_PATH_LEN];
};

struct board {
	struct range ram[DT_MAX_BANKS];
	unsigned int num_ram;
	char ram_node[DT_PATH_LEN];
	wd_u64 mpidr[WD_MAX_CPUS];
	unsigned int num_cpus;
	unsigned int num_aarch32; /* CPUs whose core runs AArch32 at EL1 */
	int gic_version, gic_node;
	char gic_path[DT_PATH_LEN], gic_compat[48];
	wd_u64 gicd, gicc, gich, gicv, gicr, gicr_size;
	wd_u64 gits; /* GICv3 ITS (its first node), 0 = none */
	wd_u32 maint_irq, max_spi;
	struct range warden; /* hypervisor + cell pool, reserved from Linux */
	char warden_src[DT_PATH_LEN];
	wd_u64 console;
	char console_path[DT_PATH_LEN];
	struct dt_link {
		struct range mem;
		wd_u32 irq, id;
	} links[DT_MAX_LINKS]; /* the root's shared-memory links */
	unsigned int num_links;
	struct dt_mmio mmio[DT_MAX_RANGES];
	unsigned int num_mmio;
};

/* Command-line choices that override or complete the DT. */
struct create_opts {
	const char *dtb, *out, *console; /* console: PATH, "none" or NULL */
	struct range ram[DT_MAX_BANKS];
	unsigned int num_ram;
	struct range reserve; /* size 0 = from /reserved-memory */
	wd_u64 hv_size;
	wd_u32 num_irqs; /* 0 = from the DT's highest SPI */
	int argc; /* the command line, for the output's header */
	char **argv;
};

/* Loads and validates a DTB (fail()s on a bad file); NULL on error. */
void *dt_load(const char *path);

/* Fills b from the DT; 0, or -1 after printing the error. */
int dt_read_board(const void *fdt, const struct create_opts *o,
		  struct board *b);

/* Reads a node's reg[index] translated to a CPU physical address. */
int dt_reg(const void *fdt, int node, int index, struct range *out);
/* A bus address of node's reg to a CPU physical one; -1 if not MMIO. */
int dt_translate(const void *fdt, int node, wd_u64 *addr);
/* The node's first GIC SPI (INTID), 0 if none. */
wd_u32 dt_first_spi(const void *fdt, int node, int gic_node);

/* Parts of dt_read_board (dt_parts.c, dt_gic.c). */
int dt_read_ram(const void *fdt, const struct create_opts *o, struct board *b);
int dt_read_cpus(const void *fdt, struct board *b);
int dt_read_gic(const void *fdt, struct board *b);
/* Sets b->gic_node, gic_path, gic_version (no frames). */
int dt_find_gic(const void *fdt, struct board *b);
/* The interrupt parent of node (its own or an ancestor's); -1 if none. */
int dt_interrupt_parent(const void *fdt, int node);
int dt_read_reserved(const void *fdt, const struct create_opts *o,
		     struct board *b);
int dt_read_console(const void *fdt, const struct create_opts *o,
		    struct board *b);
int dt_read_devices(const void *fdt, struct board *b);

/* Helpers. */
/* A string property, NULL if absent or not NUL-terminated. */
const char *dt_string(const void *fdt, int node, const char *name);
wd_u64 dt_cells(const void *p, int n);
int dt_is_okay(const void *fdt, int node);
int dt_is_type(const void *fdt, int node, const char *type);
const char *dt_path(const void *fdt, int node, char *buf);
int ranges_overlap(struct range a, struct range b);

#endif
