/* SPDX-License-Identifier: GPL-2.0 */
/* warden.ko internals shared by its files. */
#ifndef WARDEN_DRIVER_H
#define WARDEN_DRIVER_H

#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct wd_system;

extern struct miscdevice wd_misc;

/* el2.c: the hyp stub and Warden's hypercalls. */
int wd_el2_check(void);
/* ivshmem.c: the link hypercalls for warden-net.ko (sleeps) */
long wd_link_hvc(unsigned long fn, unsigned long link, unsigned long arg);
/* ivshmem.c: warden-net's doorbell, from any context */
long wd_link_ring(unsigned long link);
unsigned long wd_hvc(unsigned long x0, unsigned long x1, unsigned long x2,
		     unsigned long x3, unsigned long x4);
/* Runs fn(cpu_index) on every CPU of cpus[], in order, in process context. */
struct wd_cpu_map {
	unsigned int num;
	unsigned int linux_cpu[64]; /* Linux CPU of config CPU n */
	bool present[64];
};
int wd_map_cpus(const struct wd_system *sys, u64 cpu_set,
		struct wd_cpu_map *map);
int wd_online_cpus(const struct wd_cpu_map *map);

/* root_cover.c: the root's regions hold Linux's RAM and bound MMIO. */
int wd_check_root_covers_linux(const void *system_blob);

/* error.c: record and log why a request was refused (sysfs last_error). */
__printf(1, 2) void wd_err(const char *fmt, ...);
void wd_err_clear(void);
extern const struct attribute_group *wd_attr_groups[];

/* enable.c. wd_lock serialises enable, disable and every cell request. */
extern struct mutex wd_lock;
extern struct wd_cpu_map wd_cpus;
int wd_enable(const void __user *blob, u64 size);
int wd_disable(void);
bool wd_is_enabled(void);
const void *wd_system_blob(u64 *size);
void *wd_copy_blob(const void __user *ublob, u64 size);
void wd_flush_dcache(void *start, size_t size);

/* cells.c: the cells this driver created (wd_lock held). */
struct wd_ioc_cell_load;
struct wd_ioc_cell_stats;
struct wd_ioc_cell_mappings;
struct wd_ioc_cell_rt_stats;
bool wd_cells_exist(void);
int wd_cell_create(const void __user *blob, u64 size);
int wd_cell_destroy(const char *name);
int wd_cell_start(const char *name);
int wd_cell_boot(const char *name, u64 entry, u64 arg);
int wd_cell_shutdown(const char *name);
int wd_cell_load(const struct wd_ioc_cell_load *load);
int wd_cell_stats(struct wd_ioc_cell_stats *stats);
int wd_cell_mappings(struct wd_ioc_cell_mappings *m);
/* cell_rt_stats.c: a copy of the RTOS statistics in a cell's comm page. */
int wd_cell_rt_stats(struct wd_ioc_cell_rt_stats *r);
extern const struct attribute_group wd_cells_attr_group;

/* ivshmem.c: /dev/warden-shm<link>, one per "warden,ivshmem" DT node. */
extern struct platform_driver wd_shm_driver;

/* console.c */
extern struct miscdevice wd_console_misc;
void wd_console_attach(phys_addr_t ring);
void wd_console_detach(void);

#endif
