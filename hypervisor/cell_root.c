// SPDX-License-Identifier: GPL-2.0
/*
 * What passes between the root and the other cells through the root's
 * stage 2: the root's config buffers Warden reads, devices a cell takes
 * from the root (unmapped at create, mapped back at destroy), a stopped
 * cell's loadable memory lent to the root for `cell load`, and each
 * cell's comm page, which the root may read but never write.
 *
 * Callers hold the management lock and flush the root's stage-2 TLB
 * after a change (arch_stage2_flush), once for all of them. That flush
 * also frees the table pages the unmaps here took out (wd/paging.h):
 * until it ran, a root CPU's walk cache may still point at them.
 */
#include <arch.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/errno.h>
#include <wd/paging.h>
#include <wd/printk.h>
#include <wd/setup.h>
#include <wd/spinlock.h>
#include <wd/string.h>

/* An IO range of the root's config: an IO region or a device. */
struct root_io {
	u64 phys;
	u64 ipa;
	u64 size;
	u32 pg_flags;
};

/* Resource i of the root (regions, then devices); false past the end. */
static bool root_io_get(unsigned int i, struct root_io *io)
{
	const struct wd_cell *d = root_cell.desc;
	const struct wd_mem_region *m;
	const struct wd_device *dev;

	if (i < d->num_mem_regions) {
		m = &wd_cell_mem(d)[i];
		*io = (struct root_io){m->phys_start, m->virt_start, m->size,
				       cell_mem_flags(m->flags)};
		if (!(m->flags & WD_MEM_IO))
			io->size = 0;
		return true;
	}
	if (i >= d->num_mem_regions + d->num_devices)
		return false;
	dev = &wd_cell_devices(d)[i - d->num_mem_regions];
	*io = (struct root_io){dev->mmio_start, dev->mmio_start, dev->mmio_size,
			       PG_RW | PG_DEVICE};
	return true;
}

/* The part of io that [start, start + size) covers, as root IPAs. */
static bool clip(struct root_io *io, u64 start, u64 size)
{
	u64 lo = start > io->phys ? start : io->phys;
	u64 hi = MIN(start + size, io->phys + io->size);

	if (!io->size || lo >= hi)
		return false;
	io->ipa += lo - io->phys;
	io->phys = lo;
	io->size = hi - lo;
	return true;
}

/* Unmaps (lend) or maps back every root IO page a device covers. */
static int root_device_pages(const struct wd_device *dev, bool lend)
{
	struct root_io io;
	unsigned int i;
	int err = 0;

	for (i = 0; !err && root_io_get(i, &io); i++) {
		if (!clip(&io, dev->mmio_start, dev->mmio_size))
			continue;
		if (lend)
			err = paging_unmap(&root_cell.stage2, io.ipa, io.size);
		else
			err = paging_map(&root_cell.stage2, io.ipa, io.phys,
					 io.size, io.pg_flags);
	}
	return err;
}

static int root_devices(const struct cell *cell, bool lend)
{
	const struct wd_device *dev = wd_cell_devices(cell->desc);
	unsigned int i;
	int err = 0;

	for (i = 0; !err && i < cell->desc->num_devices; i++)
		err = root_device_pages(&dev[i], lend);
	return err;
}

int root_lend_devices(const struct cell *cell)
{
	return root_devices(cell, true);
}

int root_take_back_devices(const struct cell *cell)
{
	return root_devices(cell, false);
}

/*
 * Does [addr, addr + size) touch a region or device of d? Regions by
 * their guest-physical (ipa) or physical address.
 */
static bool desc_hits(const struct wd_cell *d, u64 addr, u64 size, bool ipa)
{
	const struct wd_mem_region *m = wd_cell_mem(d);
	const struct wd_device *dev = wd_cell_devices(d);
	struct wd_range r;
	unsigned int i;

	for (i = 0; i < d->num_mem_regions; i++) {
		r = (struct wd_range){ipa ? m[i].virt_start : m[i].phys_start,
				      m[i].size};
		if (range_touches(addr, size, &r))
			return true;
	}
	for (i = 0; i < d->num_devices; i++) {
		r = (struct wd_range){dev[i].mmio_start, dev[i].mmio_size};
		if (range_touches(addr, size, &r))
			return true;
	}
	return false;
}

/* Does [ipa, ipa + size) hit anything in the root's guest-physical map? */
static bool root_ipa_used(u64 ipa, u64 size)
{
	return desc_hits(root_cell.desc, ipa, size, true);
}

static bool loadable(const struct wd_mem_region *m)
{
	return (m->flags & WD_MEM_LOADABLE) && !(m->flags & WD_MEM_IO);
}

static int lend_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	(void)ctx, (void)ipa;
	if (root_ipa_used(pa, size))
		return -EBUSY;
	return paging_map(&root_cell.stage2, pa, pa, size, PG_RW);
}

static int take_back_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	(void)ctx, (void)ipa;
	if (!root_ipa_used(pa, size))
		paging_unmap(&root_cell.stage2, pa, size);
	return 0;
}

/*
 * fn on each run of the loadable regions; stops at an error. Unmap and
 * clean never fail in fn, and a walk fails the same way each time, so
 * they stop only where lending stopped first.
 */
static int for_each_loadable_run(const struct cell *cell, region_run_fn fn)
{
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;
	int err = 0;

	for (i = 0; !err && i < cell->desc->num_mem_regions; i++, m++)
		if (loadable(m))
			err = region_for_each_run(cell->desc, m, fn, NULL);
	return err;
}

/*
 * Loadable regions appear in the root at guest-physical == physical, so
 * the driver can memremap() the physical runs WD_HC_CELL_MAPPINGS lists
 * (one per region, or the frames of a coloured one). Read and write,
 * never execute: the root only copies images.
 */
int root_map_loadable(const struct cell *cell)
{
	int err = for_each_loadable_run(cell, lend_run);

	if (err) {
		/*
		 * The caller flushes nothing on failure: what was lent, and
		 * may sit in a root CPU's TLB already, goes here.
		 */
		root_unmap_loadable(cell);
		arch_stage2_flush(&root_cell);
	}
	return err;
}

void root_unmap_loadable(const struct cell *cell)
{
	for_each_loadable_run(cell, take_back_run);
}

static bool inside(u64 pa, u64 size, const struct wd_range *r)
{
	return pa >= r->start && size <= r->size &&
	       pa - r->start <= r->size - size;
}

/* Only the pool is mapped at EL2: the checker keeps cell RAM there. */
static int clean_run(void *ctx, u64 ipa, u64 pa, u64 size)
{
	(void)ctx, (void)ipa;
	if (inside(pa, size, &wd_system_config()->cell_pool))
		arch_dcache_clean(pa, size);
	return 0;
}

/*
 * Once the loan has ended (unmapped, the root's TLB flushed): what the
 * root wrote through its cacheable mapping reaches memory and no line of
 * it stays in a cache, for an inmate that starts with its MMU and caches
 * off. Trust: the root's own cache maintenance is not relied on.
 */
void root_clean_loadable(const struct cell *cell)
{
	for_each_loadable_run(cell, clean_run);
}

/*
 * A cell's comm page is visible to the root, read-only, at its physical
 * address, from create to destroy, so that the root can read what the
 * cell publishes there (the RTOS's statistics) without stopping it.
 *
 * The checker keeps it out of LOADABLE regions, which are lent to the
 * root writable for `cell load`.
 *
 * Trust: read-only is the rule. The page is the cell's, and Warden
 * writes it too (state, task set); a root that could write it could
 * change what the cell is told. A root write takes a stage-2 permission
 * fault: refused and reported like any access the root may not make.
 * What the root reads there is the cell's word: readers validate it.
 */
int root_map_comm(const struct cell *cell)
{
	u64 pa = paging_pa(cell->comm);

	if (!cell->comm)
		return 0;
	if (root_ipa_used(pa, PAGE_SIZE))
		return -EBUSY; /* the root's own map has it: never alias */
	return paging_map(&root_cell.stage2, pa, pa, PAGE_SIZE, PG_READ);
}

/* Before the page is scrubbed; the caller flushes the root's TLB. */
void root_unmap_comm(const struct cell *cell)
{
	u64 pa = paging_pa(cell->comm);

	if (cell->comm && !root_ipa_used(pa, PAGE_SIZE))
		paging_unmap(&root_cell.stage2, pa, PAGE_SIZE);
}

/*
 * Physical address of [ipa, ipa + size) if one root RAM region with the
 * access flags has it.
 */
static int root_ram_pa(u64 ipa, u64 size, u32 access, u64 *pa)
{
	const struct wd_cell *d = root_cell.desc;
	const struct wd_mem_region *m = wd_cell_mem(d);
	unsigned int i;

	for (i = 0; i < d->num_mem_regions; i++, m++) {
		if ((m->flags & WD_MEM_IO) || (m->flags & access) != access)
			continue;
		if (ipa >= m->virt_start && size <= m->size &&
		    ipa - m->virt_start <= m->size - size) {
			*pa = m->phys_start + (ipa - m->virt_start);
			return 0;
		}
	}
	return -EFAULT;
}

/*
 * Board RAM that Warden does not map itself: a temporary mapping there
 * cannot replace (and its removal cannot unmap) one of Warden's own.
 */
static bool plain_ram(u64 pa, u64 size)
{
	const struct wd_system *sys = wd_system_config();

	return inside(pa, size, &sys->ram) &&
	       !range_touches(pa, size, &sys->hypervisor) &&
	       !range_touches(pa, size, &sys->cell_pool);
}

/*
 * RAM that is the root's alone, for good: inside one of its RAM regions
 * (readable and writable, not IO, not SHARED: a link's memory is also a
 * cell's), outside Warden's memory and the cell pool (what the root is
 * lent there goes back). Tables an interrupt controller writes on its own
 * (arm64: the LPI tables) must lie there: the device writes them whoever
 * owns the memory.
 */
bool root_owns_ram(u64 pa, u64 size)
{
	const struct wd_cell *d = root_cell.desc;
	const struct wd_mem_region *m = wd_cell_mem(d);
	const u32 rw = WD_MEM_READ | WD_MEM_WRITE;
	struct wd_range r;
	unsigned int i;

	if (!size || pa + size < pa || !plain_ram(pa, size))
		return false;
	for (i = 0; i < d->num_mem_regions; i++, m++) {
		r = (struct wd_range){m->phys_start, m->size};
		if ((m->flags & (WD_MEM_IO | WD_MEM_SHARED | rw)) == rw &&
		    inside(pa, size, &r))
			return true;
	}
	return false;
}

/*
 * Copies a buffer of the root (a config blob) into Warden memory. The
 * root's RAM is not mapped at EL2: the pages are mapped read-only for
 * the copy and unmapped again. ipa and size are the root's: checked
 * against its RAM regions, so the root cannot make Warden read Warden.
 */
/*
 * The temporary mappings live in the one EL2 table all CPUs share, and
 * paging_unmap() takes an intermediate table out once it looks empty: two
 * CPUs copying from the same 2 MiB at once would pull the mapping from
 * under each other (found by the root-side hypercall fuzzer). One copy
 * at a time; the lock also guards the EL2 paging's stale tables, freed
 * by the flush in wd_hyp_unmap(). Lock order: management lock first.
 */
static spinlock_t copy_lock;

/*
 * Copies between Warden and the root's RAM at ipa: into dst if set, else
 * from src, the pages mapped at EL2 for the copy only (writable only for
 * a copy to the root, which must be allowed to write them).
 */
static int root_copy(u64 ipa, u64 size, void *dst, const void *src)
{
	u32 access = dst ? WD_MEM_READ : WD_MEM_READ | WD_MEM_WRITE;
	u64 pa, first, span;
	int err;

	if (!size || ipa + size < ipa)
		return -EFAULT;
	err = root_ram_pa(ipa, size, access, &pa);
	if (err || !plain_ram(pa, size))
		return -EFAULT;
	first = pa & PAGE_MASK;
	span = ALIGN_UP(pa + size, PAGE_SIZE) - first;
	spin_lock(&copy_lock);
	err = wd_hyp_map(first, span, dst ? PG_READ : PG_RW);
	if (!err)
		memcpy(dst ?: paging_ptr(pa), dst ? paging_ptr(pa) : src, size);
	wd_hyp_unmap(first, span);
	spin_unlock(&copy_lock);
	return err;
}

/*
 * A PCI function the cell drove (WD_DEV_PCI_CFG: its ECAM page) stops
 * mastering DMA before its stream goes back, whatever the cell left it
 * doing: Command 0. The next owner's driver enables it again. Mapped
 * at EL2 for the write only, under copy_lock like the copies. Trust:
 * the page comes from a checked config and the cell's CPUs are parked;
 * a function that ignores the write needs a reset Warden cannot do.
 */
void cell_pci_quiesce(const struct cell *cell)
{
	const struct wd_device *d = wd_cell_devices(cell->desc);
	unsigned int i;

	spin_lock(&copy_lock);
	for (i = 0; i < cell->desc->num_devices; i++) {
		if (!(d[i].flags & WD_DEV_PCI_CFG))
			continue;
		if (wd_hyp_map(d[i].mmio_start, PAGE_SIZE, PG_RW | PG_DEVICE))
			printk("cell '%s': PCI function %s still masters\n",
			       cell->name, d[i].name);
		else
			*(volatile u16 *)paging_ptr(d[i].mmio_start + 4) = 0;
		wd_hyp_unmap(d[i].mmio_start, PAGE_SIZE);
	}
	spin_unlock(&copy_lock);
}

int root_copy_from(void *dst, u64 ipa, u64 size)
{
	return root_copy(ipa, size, dst, NULL);
}

/* Warden data (a mappings dump) into a buffer of the root. */
int root_copy_to(u64 ipa, const void *src, u64 size)
{
	return root_copy(ipa, size, NULL, src);
}

/* The non-root cell that owns physical address pa, for messages. */
const struct cell *cell_owning(u64 pa)
{
	const struct cell *c = NULL;

	while ((c = cell_next(c)))
		if (desc_hits(c->desc, pa, 1, false))
			return c;
	return NULL;
}
