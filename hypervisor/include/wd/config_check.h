/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The config validator (hypervisor/config.c): one freestanding source built
 * into the hypervisor, the host CLI and the guest CLI. The rules it enforces
 * are listed in Documentation/config-format.md.
 *
 * Trust: every blob is untrusted input. The checker reads nothing outside
 * [blob, blob + size) and touches an array only after its count was checked
 * against WD_MAX_* and against size. It cannot protect against the blob
 * changing under it: the hypervisor must copy a blob into memory the root
 * cannot write before checking it, and use only that copy afterwards.
 * Blobs must be 8-byte aligned (the structs are read in place).
 */
#ifndef WD_CONFIG_CHECK_H
#define WD_CONFIG_CHECK_H

#include <warden/config.h>
#include <warden/config_codes.h>

struct wd_rt_taskset;

/* Returned by the checks when a blob breaks a rule (Linux's EINVAL). */
#define WD_EINVAL 22

/* report->subject for violations about the system blob. */
#define WD_CHECK_SYSTEM (-1)

/* At most this many values per violation (a message's conversions). */
#define WD_VIOLATION_ARGS 7

/*
 * One violation. cell: the (sanitised, printable) name of the cell
 * concerned, or NULL for header and platform fields. field: the
 * descriptor field or array ("mem", "devices", "irqs", "cpu_set",
 * "platform.num_cpus", ...). index: array index or CPU number, -1 if none.
 * code: the rule (warden/config_codes.h). arg: the values the rule's message
 * shows, in its order; where the message has a %s the value is a
 * pointer to a NUL-terminated string. The strings and arg are valid only
 * during the call. lib/config_text/ turns it into the message text.
 */
struct wd_violation {
	const char *cell;
	const char *field;
	int index;
	unsigned int code;
	unsigned int num_args;
	const wd_u64 *arg;
};

typedef void (*wd_violation_fn)(void *ctx, const struct wd_violation *v);

struct wd_check_report {
	wd_violation_fn violation; /* may be NULL: only count */
	void *ctx; /* passed to violation() */
	unsigned int count; /* incremented once per violation */
	/*
	 * Set before each violation() call: WD_CHECK_SYSTEM for the system
	 * blob, else the index into cells[] of wd_check_set() (0 in
	 * wd_check_cell()).
	 */
	int subject;
};

struct wd_blob {
	const void *data;
	wd_u64 size; /* bytes readable at data */
};

/*
 * 0 when the header matches kind and the descriptor and its arrays lie
 * inside size, so that the accessors below are safe; -WD_EINVAL otherwise.
 * Reports nothing.
 */
int wd_check_layout(const void *blob, wd_u64 size, unsigned int kind);

/*
 * Checks a system blob on its own (header, platform, ranges, root cell).
 * Reports every violation; 0 if there is none, else -WD_EINVAL.
 * report may be NULL.
 */
int wd_check_system(const void *blob, wd_u64 size,
		    struct wd_check_report *report);

/* Checks a non-root cell blob on its own (no platform knowledge). */
int wd_check_cell(const void *blob, wd_u64 size,
		  struct wd_check_report *report);

/*
 * Rules that need the platform or several cells: each cell against the
 * platform and the system's ranges, then every pair (root included).
 * Run the single-blob checks too: this one skips what they cover. Blobs
 * whose layout is invalid are reported and left out.
 */
int wd_check_set(const struct wd_blob *system, const struct wd_blob *cells,
		 unsigned int num_cells, struct wd_check_report *report);

/*
 * Accessors. Only valid on a blob for which wd_check_layout() (or a check)
 * succeeded: they trust the counts.
 */
const struct wd_system *wd_config_system(const void *system_blob);
const struct wd_cell *wd_config_root(const void *system_blob);
const struct wd_cell *wd_config_cell(const void *cell_blob);
const struct wd_mem_region *wd_cell_mem(const struct wd_cell *cell);
const struct wd_device *wd_cell_devices(const struct wd_cell *cell);
const wd_u32 *wd_cell_irqs(const struct wd_cell *cell);
const struct wd_link *wd_cell_links(const struct wd_cell *cell);
const struct wd_stream *wd_cell_streams(const struct wd_cell *cell);
/* The cell's real-time task set (WD_CELL_RT_TASKSET), or NULL. */
const struct wd_rt_taskset *wd_cell_rt_taskset(const struct wd_cell *cell);

#endif
