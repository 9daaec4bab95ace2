// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv3 ITS's control frame (platform.arm64.gits_base), trapped for
 * the root, the only cell that uses the ITS (the config check keeps the
 * frame out of every cell's map). The ITS reads and writes its tables
 * itself, with no stage 2 in between: the command queue (GITS_CBASER)
 * and the device, collection and vPE tables (GITS_BASER<n>). A base is
 * taken only when its table lies in the root's own RAM, else the write
 * is dropped and reported, as is enabling the ITS on such a base (one
 * from before Warden). Two-level tables are refused: Indirect reads as
 * zero, as on an ITS without them (Linux then uses flat tables): their
 * level-2 pages are named by entries in root memory, out of sight.
 * Everything else passes through: commands go to the queue in root
 * memory; GITS_CWRITER only moves the ITS along it.
 * Trust: offset, size and value are the root's; a table's size comes
 * from 8-bit fields: at most 256 pages of 64 KiB.
 */
#include <arch/gic.h>
#include <arch/vgic.h>
#include <core.h>
#include <wd/cell.h>
#include <wd/errno.h>

#define GITS_CTLR 0x0
#define GITS_CBASER 0x80
#define GITS_BASER0 0x100
#define GITS_BASER_END 0x140
#define GITS_CTLR_ENABLED BIT(0)
#define BASER_VALID BIT(63)
#define BASER_INDIRECT BIT(62)
#define CBASER_PA(v) ((v)&0x000ffffffffff000ull) /* bits 51:12 */
#define BASER_PA(v) ((v)&0x0000fffffffff000ull) /* bits 47:12 */

static u64 its;

void vits_init(u64 gits_base)
{
	its = gits_base;
}

/* GITS_BASER: 4, 16 or 64 KiB pages; with 64 KiB, PA 51:48 in 15:12. */
static bool baser_ok(u64 v)
{
	u32 psz = (v >> 8) & 3;
	u64 page = psz == 0 ? 0x1000 : psz == 1 ? 0x4000 : 0x10000;
	u64 pa = BASER_PA(v) & ~(page - 1);

	if (page == 0x10000)
		pa |= ((v >> 12) & 0xf) << 48;
	return root_owns_ram(pa, ((v & 0xff) + 1) * page);
}

static bool base_ok(u32 reg, u64 v)
{
	if (!(v & BASER_VALID))
		return true;
	if (reg == GITS_CBASER)
		return root_owns_ram(CBASER_PA(v), ((v & 0xff) + 1) * 0x1000);
	return baser_ok(v);
}

/* A 32-bit half is checked and written as the 64-bit value it makes. */
static void base_write(u32 off, const struct mmio_access *acc)
{
	u32 reg = off & ~7u, shift = (off & 4u) * 8;
	u64 v = acc->value;

	if (acc->size == 4)
		v = (gic_mmio_read(its + reg, 8) & ~(0xffffffffull << shift)) |
		    (v & 0xffffffffull) << shift;
	if (reg != GITS_CBASER)
		v &= ~BASER_INDIRECT;
	if (base_ok(reg, v))
		gic_mmio_write(its + reg, 8, v);
	else
		cell_fail(&root_cell, "GIC ITS table outside the root's RAM",
			  acc->addr);
}

/* Every base as the ITS holds it: what enabling it would start on. */
static bool bases_ok(void)
{
	u32 reg;

	for (reg = GITS_BASER0; reg < GITS_BASER_END; reg += 8)
		if (!base_ok(reg, gic_mmio_read(its + reg, 8)))
			return false;
	return base_ok(GITS_CBASER, gic_mmio_read(its + GITS_CBASER, 8));
}

static bool is_base(u32 off)
{
	return (off >= GITS_BASER0 && off < GITS_BASER_END) ||
	       (off & ~7u) == GITS_CBASER;
}

int vits_access(void *arg, struct mmio_access *acc)
{
	u32 off = (u32)(acc->addr - its);

	(void)arg;
	if ((acc->size != 4 && acc->size != 8) || (off & (acc->size - 1u)))
		return -EINVAL;
	if (acc->write && is_base(off))
		base_write(off, acc);
	else if (acc->write && off == GITS_CTLR &&
		 (acc->value & GITS_CTLR_ENABLED) && !bases_ok())
		cell_fail(&root_cell, "GIC ITS table outside the root's RAM",
			  acc->addr);
	else if (acc->write)
		gic_mmio_write(acc->addr, acc->size, acc->value);
	else
		acc->value = gic_mmio_read(acc->addr, acc->size);
	return 0;
}
