/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * /dev/warden ioctl ABI between the `warden` CLI and warden.ko.
 * Documented in Documentation/driver-abi.md. All structs are fixed layout.
 */
#ifndef WARDEN_IOCTL_H
#define WARDEN_IOCTL_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#include <linux/types.h>
#else
#include <sys/ioctl.h>
#include <stdint.h>
typedef uint32_t __u32;
typedef uint64_t __u64;
#endif

#include <warden/hypercall.h> /* struct wd_mappings */
#include <warden/rtos.h> /* struct wd_rt_stats */

#define WD_IOCTL_MAGIC 0xd7

struct wd_ioc_version {
	__u32 major;
	__u32 minor;
	char string[32]; /* WARDEN_VERSION_STRING */
};

/* A user buffer: a config blob or an inmate image. */
struct wd_ioc_buf {
	__u64 addr; /* user pointer */
	__u64 size;
};

struct wd_ioc_cell_load {
	char name[32];
	struct wd_ioc_buf image;
	__u64 ipa; /* load address (guest-physical), or WD_LOAD_AT_ENTRY */
};

/* wd_ioc_cell_load.ipa: load at the cell config's `entry`. */
#define WD_LOAD_AT_ENTRY (~0ull)

struct wd_ioc_cell_id {
	char name[32];
};

/*
 * Start a cell's boot CPU at entry with x0 = arg (warden cell linux: the
 * kernel and its DTB) instead of the config's entry and comm IPA.
 */
struct wd_ioc_cell_boot {
	char name[32];
	__u64 entry; /* guest-physical, non-zero */
	__u64 arg; /* x0 */
};

/* Per-CPU exit counters of a cell (WD_STAT_* of warden/hypercall.h). */
#define WD_IOC_STATS_MAX 16
#define WD_IOC_CPUS_MAX 64

struct wd_ioc_cell_stats {
	char name[32]; /* in: the cell */
	__u64 cpu_set; /* out: its CPUs, bit n = CPU n */
	__u32 num_stats; /* out: counters per CPU (<= WD_IOC_STATS_MAX) */
	__u32 reserved;
	__u64 stats[WD_IOC_CPUS_MAX][WD_IOC_STATS_MAX]; /* out: [cpu][stat] */
};

/* WD_HC_CELL_MAPPINGS for a cell by name: runs first.. into out. */
struct wd_ioc_cell_mappings {
	char name[32]; /* in: the cell */
	__u32 first; /* in: index of the first run */
	__u32 reserved;
	struct wd_mappings out; /* out (warden/hypercall.h) */
};

/*
 * The RTOS statistics a cell publishes in its comm page (warden/rtos.h),
 * copied by the driver through the root's read-only view of the page.
 * The driver only makes the copy consistent (the block's sequence count);
 * stats is the cell's data, untrusted: the reader validates all of it.
 */
struct wd_ioc_cell_rt_stats {
	char name[32]; /* in: the cell */
	__u32 status; /* out: WD_RT_STATS_* */
	__u32 tries; /* out: reads it took (WD_RT_STATS_COPIED) */
	__u64 comm_pa; /* out: physical address of the comm page */
	__u64 comm_signature; /* out: its first word, WD_COMM_SIGNATURE */
	struct wd_rt_stats stats; /* out: the copy (WD_RT_STATS_COPIED) */
};

/* wd_ioc_cell_rt_stats.status */
#define WD_RT_STATS_NONE 0 /* no task set in the config, or no comm page */
#define WD_RT_STATS_COPIED 1 /* stats holds a copy of a stable block */
#define WD_RT_STATS_UNSTABLE 2 /* the block changed during every try */

#define WD_IOC_VERSION _IOR(WD_IOCTL_MAGIC, 0, struct wd_ioc_version)
#define WD_IOC_ENABLE _IOW(WD_IOCTL_MAGIC, 1, struct wd_ioc_buf)
#define WD_IOC_DISABLE _IO(WD_IOCTL_MAGIC, 2)
#define WD_IOC_CELL_CREATE _IOW(WD_IOCTL_MAGIC, 3, struct wd_ioc_buf)
#define WD_IOC_CELL_LOAD _IOW(WD_IOCTL_MAGIC, 4, struct wd_ioc_cell_load)
#define WD_IOC_CELL_START _IOW(WD_IOCTL_MAGIC, 5, struct wd_ioc_cell_id)
#define WD_IOC_CELL_SHUTDOWN _IOW(WD_IOCTL_MAGIC, 6, struct wd_ioc_cell_id)
#define WD_IOC_CELL_DESTROY _IOW(WD_IOCTL_MAGIC, 7, struct wd_ioc_cell_id)
#define WD_IOC_CELL_STATS _IOWR(WD_IOCTL_MAGIC, 8, struct wd_ioc_cell_stats)
#define WD_IOC_CELL_MAPPINGS \
	_IOWR(WD_IOCTL_MAGIC, 9, struct wd_ioc_cell_mappings)
#define WD_IOC_CELL_RT_STATS \
	_IOWR(WD_IOCTL_MAGIC, 10, struct wd_ioc_cell_rt_stats)
#define WD_IOC_CELL_BOOT _IOW(WD_IOCTL_MAGIC, 11, struct wd_ioc_cell_boot)

#endif
