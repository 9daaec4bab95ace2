/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `warden cell linux`: the device tree a Linux cell boots with, made with
 * libfdt from the system and cell configs (Documentation/linux-cell.md
 * lists every node), or the user's own DTB with /chosen set.
 */
#ifndef WARDEN_LINUX_DT_H
#define WARDEN_LINUX_DT_H

#include <stddef.h>
#include <stdint.h>

#include <warden/config.h>

#define LINUX_DT_SIZE 0x10000 /* a generated tree's buffer */

struct linux_dt_args {
	const struct wd_system *sys; /* checked */
	const struct wd_cell *cell; /* checked against sys */
	const char *bootargs; /* NULL: none */
	uint64_t initrd_start, initrd_size; /* size 0: no initramfs */
};

/*
 * Writes the cell's tree into buf (size bytes) and packs it. Returns 0,
 * or -1 with *why set (libfdt's error, or a cell without a console).
 */
int linux_dt_build(void *buf, size_t size, const struct linux_dt_args *a,
		   const char **why);

/*
 * A user's DTB (in, in_size bytes) copied into buf with /chosen's
 * bootargs and initrd set from a. Returns -1 with *why set if in is
 * not a valid DTB or does not fit.
 */
int linux_dt_adopt(void *buf, size_t size, const void *in, size_t in_size,
		   const struct linux_dt_args *a, const char **why);

/* The total size of a tree built above. */
size_t linux_dt_size(const void *tree);

/* Whether a cell's device of this name can be its console. */
int linux_dt_is_console(const char *device_name);

#endif
