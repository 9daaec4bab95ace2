// SPDX-License-Identifier: GPL-2.0
/*
 * WD_HC_CONSOLE_WRITE: a buffer of the calling cell's RAM printed with
 * one exit (a line of an inmate costs one trap, not one per byte).
 *
 * Trust: the address and length are the cell's. Each page of the buffer
 * must lie in one of the cell's own readable RAM regions (never a device:
 * a read there could have side effects) and be mapped in its stage 2,
 * which gives the physical frame (coloured regions are not contiguous).
 * Non-root cell RAM is always in the cell pool, the only cell memory
 * mapped at EL2; anything else is refused. An MMU-off inmate writes
 * around the caches: the lines are cleaned and invalidated first so the
 * read comes from memory (Warden never dirties a cell's lines here). The whole buffer is checked
 * and copied into Warden memory before a byte is printed, so a bad page
 * prints nothing, and a CPU of the cell changing the bytes meanwhile
 * only changes what is printed. The cell cannot change its stage 2; the
 * root changes it only with the cell's CPUs parked (destroy), and this
 * CPU is not parked while it runs here.
 */
#include <arch.h>
#include <warden/hypercall.h>
#include <wd/cell.h>
#include <wd/console.h>
#include <wd/errno.h>
#include <wd/setup.h>
#include <wd/string.h>

/* Is [ipa, ipa + size) inside one readable RAM region of d? */
static bool readable_ram(const struct wd_cell *d, u64 ipa, u64 size)
{
	const struct wd_mem_region *m = wd_cell_mem(d);
	unsigned int i;

	for (i = 0; i < d->num_mem_regions; i++, m++)
		if ((m->flags & (WD_MEM_IO | WD_MEM_READ)) == WD_MEM_READ &&
		    ipa >= m->virt_start && size <= m->size &&
		    ipa - m->virt_start <= m->size - size)
			return true;
	return false;
}

/* One piece within a page: its frame from the stage 2, in the pool. */
static int read_piece(const struct cell *cell, char *dst, u64 ipa, u64 size)
{
	const struct wd_range *pool = &wd_system_config()->cell_pool;
	u64 pa;

	if (!readable_ram(cell->desc, ipa, size) ||
	    !paging_lookup(&cell->stage2, ipa, &pa) || pa < pool->start ||
	    pa - pool->start > pool->size - size)
		return -EFAULT;
	arch_dcache_clean(pa, size);
	memcpy(dst, paging_ptr(pa), size);
	return 0;
}

/* The caller bounded size; ipa + size may still wrap. */
static int cell_read(const struct cell *cell, char *dst, u64 ipa, u64 size)
{
	u64 piece;
	int err = 0;

	if (ipa + size < ipa)
		return -EFAULT;
	for (; !err && size; dst += piece, ipa += piece, size -= piece) {
		piece = MIN(size, PAGE_SIZE - (ipa & ~PAGE_MASK));
		err = read_piece(cell, dst, ipa, piece);
	}
	return err;
}

long console_write_call(struct cell *cell, u64 ipa, u64 len)
{
	char buf[WD_CONSOLE_WRITE_MAX];
	int err;

	if (len > sizeof(buf))
		return -EINVAL;
	if (!len)
		return 0;
	if (cell == &root_cell) {
		err = root_copy_from(buf, ipa, len);
		if (!err)
			console_write(buf, len);
	} else {
		err = cell_read(cell, buf, ipa, len);
		if (!err)
			cell_console_write(cell, buf, len);
	}
	return err ?: (long)len;
}
