/* SPDX-License-Identifier: GPL-2.0 */
/* warden.ko internals shared by its files. */
#ifndef WARDEN_DRIVER_H
#define WARDEN_DRIVER_H

#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct wd_system;

/* The AMBA bus (arm64 boards' PrimeCells); NULL where Linux has none. */
static inline struct bus_type *wd_amba_bus(void)
{
#ifdef CONFIG_ARM_AMBA
	extern struct bus_type amba_bustype;

	return &amba_bustype;
#else
	return NULL;
#endif
}

extern struct miscdevice wd_misc;

/*
 * arch_<arch>.c: what differs between arm64 and x86. wd_el2_check: may
 * Warden take the virtualisation extensions (arm64: EL2 is the hyp stub's;
 * x86: SVM present and free)? wd_hvc: one Warden hypercall (hvc, vmmcall).
 */
int wd_el2_check(void);
/* ivshmem.c: the link hypercalls for warden-net.ko (sleeps) */
long wd_link_hvc(unsigned long fn, unsigned long link, unsigned long arg);
/* ivshmem.c: warden-net's doorbell, from any context */
long wd_link_ring(unsigned long link);
extern const u32 wd_arch_id; /* WD_ARCH_* of this build */
unsigned long wd_hvc(unsigned long x0, unsigned long x1, unsigned long x2,
		     unsigned long x3, unsigned long x4);
/* The hardware ID of a possible Linux CPU (MPIDR, APIC ID): 0 or -errno. */
int wd_arch_cpu_hwid(unsigned int cpu, u64 *hwid);
/* The config's index of the CPU with that hardware ID, or -1. */
int wd_arch_config_cpu(const struct wd_system *sys, u64 hwid);
/* Enters Warden on this CPU (process context): 0 or -errno. */
struct wd_enter_args {
	phys_addr_t entry; /* the image's entry */
	phys_addr_t hv_start; /* the hypervisor range */
	u64 hv_size;
	unsigned int index; /* the config's CPU index */
};
long wd_arch_enter(const struct wd_enter_args *a);
/* This CPU leaves Warden (WD_HC_DISABLE): 0 or -errno. */
long wd_arch_leave(void);
/* Maps the range to copy the image in (memunmap() it): arm64 write-
 * combining (see enable.c), x86 write-back, the type its console page
 * keeps (PAT refuses two types for one page; x86 caches are coherent). */
void *wd_arch_map_image(phys_addr_t start, size_t size);
/* A counter the root and the cells agree on, for time stamps. */
u64 wd_arch_counter(void);
/* Module load and unload: the arch's own set-up (x86: CPU hotplug). */
int wd_arch_init(void);
void wd_arch_exit(void);
/* el2.c: KVM initialised (it would take the extensions for a VM). */
bool wd_kvm_initialised(void);
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
