// SPDX-License-Identifier: GPL-2.0
/*
 * Enable and disable. The driver enters the CPUs one after the other; the
 * first does the global set-up (config check, page pool, the hypervisor's
 * own tables, the root cell), every CPU then takes over itself. Disable
 * is the reverse, one CPU per WD_HC_DISABLE; the last one out tears down
 * the global state.
 */
#include <arch.h>
#include <warden/version.h>
#include <wd/cell.h>
#include <wd/config_check.h>
#include <wd/console.h>
#include <wd/errno.h>
#include <wd/layout.h>
#include <wd/page_pool.h>
#include <wd/paging.h>
#include <wd/percpu.h>
#include <wd/printk.h>
#include <wd/setup.h>
#include <wd/spinlock.h>
#include <wd/string.h>

/* Linker script symbols. */
extern u8 __image_start[], __text_start[], __text_end[], __image_end[];
extern u8 __config_start[];

static struct {
	spinlock_t lock;
	bool ready; /* global set-up done */
	unsigned int active; /* CPUs under Warden */
	unsigned int expected;
	const struct wd_system *sys;
	struct paging hyp;
} wd;

/* The code only: the driver showed the text when it checked first. */
static void report_violation(void *ctx, const struct wd_violation *v)
{
	(void)ctx;
	printk("config: %s %s[%d]: violation %u\n",
	       v->cell ? v->cell : "system", v->field, v->index, v->code);
}

/*
 * A config may leave the LLC way size to Warden (llc_way_size 0): read it
 * now into Warden's own copy, before any cell is checked against it, so
 * the checker and the colouring walk (Documentation/colouring.md) use
 * the same geometry. A way that is not a power of two has no plain
 * colour bits: it stays 0 and coloured cells are refused.
 */
static void complete_config(struct wd_system *sys)
{
	u64 way = sys->platform.llc_way_size;

	if (way)
		return;
	way = arch_llc_way_size();
	printk("LLC way size from CCSIDR: %llu bytes\n", way);
	if (way >= PAGE_SIZE && !(way & (way - 1)))
		sys->platform.llc_way_size = way;
}

/* The blob sits in Warden memory, out of the root's reach once enabled. */
static int check_config(void)
{
	const struct wd_header *hdr = (const void *)__config_start;
	struct wd_check_report report = {.violation = report_violation};

	if (hdr->magic != WD_CONFIG_MAGIC || hdr->total_size > WD_CONFIG_MAX)
		return -EINVAL;
	if (wd_check_system(hdr, hdr->total_size, &report))
		return -EINVAL;
	complete_config((struct wd_system *)wd_config_system(hdr));
	wd.sys = wd_config_system(hdr);
	return 0;
}

/* Pool: the hypervisor range after the image. */
static int pool_init(void)
{
	u64 start = paging_pa(__image_end);
	u64 end = wd.sys->hypervisor.start + wd.sys->hypervisor.size;

	if (paging_pa(__image_start) != wd.sys->hypervisor.start ||
	    end <= start)
		return -EINVAL;
	return page_pool_init(start, end - start);
}

static int hyp_paging_init(void)
{
	u64 start = paging_pa(__image_start);
	u64 text = paging_pa(__text_start);
	u64 text_end = paging_pa(__text_end);
	u64 end = wd.sys->hypervisor.start + wd.sys->hypervisor.size;
	int err;

	/*
	 * Header and data first, then the text and rodata (warden.lds.S);
	 * an arch whose file is all read-only has no data part (text ==
	 * start).
	 */
	err = paging_create(&wd.hyp, &arch_hyp_paging);
	if (!err && text > start)
		err = wd_hyp_map(start, text - start, PG_RW);
	if (!err)
		err = wd_hyp_map(text, text_end - text, PG_READ | PG_EXEC);
	if (!err)
		err = wd_hyp_map(text_end, end - text_end, PG_RW);
	/* Warden fills comm regions and scrubs cell memory in the pool. */
	if (!err)
		err = wd_hyp_map(wd.sys->cell_pool.start,
				 wd.sys->cell_pool.size, PG_RW);
	if (!err)
		err = arch_map_devices(&wd.hyp, wd.sys);
	if (!err)
		arch_paging_activate(&wd.hyp);
	return err;
}

static unsigned int count_bits(u64 v)
{
	unsigned int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/*
 * The driver zeroes the per-CPU areas of the config's CPUs only
 * (hv_image.h); loops over CPU numbers may still read the others' data
 * (a redistributor frame's owner): zeroed here, the stacks left alone.
 */
static void clear_unused_percpu(void)
{
	unsigned int cpu;

	for (cpu = wd.sys->platform.num_cpus; cpu < WD_MAX_CPUS_HV; cpu++)
		memset(percpu_of(cpu), 0, sizeof(struct percpu));
}

static int global_init(void)
{
	const struct wd_header *hdr = (const void *)__config_start;
	int err;

	console_init();
	err = check_config();
	if (!err) {
		clear_unused_percpu();
		err = pool_init();
	}
	if (!err)
		err = hyp_paging_init();
	if (err)
		return err;
	console_enable_uart(wd.sys->console.type != WD_CONSOLE_NONE);
	printk("Warden " WARDEN_VERSION_STRING ": enabling, pool %llu KiB\n",
	       page_pool_size() / 1024);
	err = cell_init_root(wd.sys, wd_config_root(hdr));
	if (err) {
		printk("Warden: set-up failed (%d)\n", err);
		return err;
	}
	wd.expected = count_bits(root_cell.cpu_set);
	wd.ready = true;
	return 0;
}

static int cpu_enable(unsigned int cpu_id)
{
	struct percpu *pc = percpu_of(cpu_id);
	int err;

	if (cpu_id >= wd.sys->platform.num_cpus ||
	    !(root_cell.cpu_set & BIT(cpu_id)))
		return -EINVAL;
	if (pc->active)
		return -EBUSY;
	pc->cpu_id = cpu_id;
	pc->cell = &root_cell;
	err = arch_cpu_init(pc);
	if (err)
		return err;
	pc->active = true;
	if (++wd.active == wd.expected)
		printk("Warden " WARDEN_VERSION_STRING " enabled on %u CPUs\n",
		       wd.active);
	return 0;
}

long wd_enable_cpu(unsigned int cpu_id)
{
	int err = 0;

	if (cpu_id >= WD_MAX_CPUS_HV)
		return -EINVAL;
	spin_lock(&wd.lock);
	if (!wd.ready)
		err = global_init();
	if (!err)
		err = cpu_enable(cpu_id);
	spin_unlock(&wd.lock);
	return err;
}

static bool any_cpu_parked(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((root_cell.cpu_set & BIT(cpu)) && percpu_of(cpu)->parked)
			return true;
	return false;
}

static void print_stats(const struct percpu *pc)
{
	const u64 *s = pc->stats;

	printk("CPU %u exits: %llu irq, %llu hypercall, %llu power, %llu mmio, "
	       "%llu sysreg\n",
	       pc->cpu_id, s[WD_STAT_IRQ], s[WD_STAT_HYPERCALL],
	       s[WD_STAT_POWER], s[WD_STAT_MMIO], s[WD_STAT_SYSREG]);
}

/*
 * A parked CPU would stay in Warden with nobody to bring it back: Linux
 * must online every CPU before disabling (the driver does). Cells must
 * be destroyed first: their CPUs and memory have to go back to Linux.
 */
long wd_disable_cpu(struct percpu *pc)
{
	long err = 0;

	cell_mgmt_lock();
	spin_lock(&wd.lock);
	if (any_cpu_parked() || cell_count() > 1) {
		err = -EBUSY;
	} else {
		print_stats(pc);
		arch_cpu_exit(pc);
		pc->active = false;
		pc->leaving = true;
		if (--wd.active == 0) {
			printk("Warden disabled\n");
			cell_exit_root();
			wd.ready = false;
		}
	}
	spin_unlock(&wd.lock);
	cell_mgmt_unlock();
	return err;
}

const struct wd_system *wd_system_config(void)
{
	return wd.sys;
}

struct wd_blob wd_system_blob(void)
{
	const struct wd_header *hdr = (const void *)__config_start;

	return (struct wd_blob){hdr, hdr->total_size};
}

/*
 * Temporary EL2 mappings (a root buffer Warden copies from). Only the
 * caller's CPU uses them, but the tables are shared: the removal is
 * flushed everywhere, and the tables it emptied go back to the pool only
 * after that flush. Callers serialise with root_copy_from()'s lock.
 */
int wd_hyp_map(u64 pa, u64 size, u32 flags)
{
	return paging_map(&wd.hyp, pa, pa, size, flags);
}

void wd_hyp_unmap(u64 pa, u64 size)
{
	paging_unmap(&wd.hyp, pa, size);
	arch_hyp_flush(&wd.hyp);
}
