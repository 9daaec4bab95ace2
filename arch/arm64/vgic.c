// SPDX-License-Identifier: GPL-2.0
/*
 * The per-INTID registers of a GIC distributor or SGI frame, emulated for
 * every cell alike: one table entry per register range (vgicv2.c,
 * vgicv3.c) says how many bits each INTID has and how writes behave, and
 * one handler does the rest. A cell sees only the fields of the IRQs it
 * owns: the others read as zero; writing a non-zero value into them is a
 * violation (cell_fail(); the root gets a message), and is dropped.
 * Warden's own SGI and maintenance PPI read as zero and their writes are
 * dropped quietly: Linux writes all-ones to whole banked registers. A
 * direct-IRQ cell takes its interrupts without Warden, so for it those
 * writes are a violation, and its priorities keep bit 7 set.
 *
 * Trust: acc->addr and acc->value come from the cell. The offset only
 * selects a table entry and an INTID that indexes a bounded bitmap; the
 * value reaches the hardware masked to the fields the cell owns.
 */
#include <arch/gic.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/spinlock.h>

const struct vgic_routing *vgic_routing;
/* Serialises read-modify-writes of shared registers and SPI moves. */
static spinlock_t lock;
static u64 all_cpus; /* one bit per CPU of the platform */

void vgic_lock(void)
{
	spin_lock(&lock);
}

void vgic_unlock(void)
{
	spin_unlock(&lock);
}

u32 vgic_private_reserved(void)
{
	return (u32)(BIT(SGI_WARDEN) | BIT(PPI_HYP_TIMER) |
		     BIT(gic_maint_intid()));
}

/*
 * While no other cell exists the root owns every CPU: nothing to filter.
 * That also covers enable, when CPUs not entered yet have no GICv2 CPU
 * interface number recorded (cells are created only after it).
 */
bool vgic_has_all_cpus(const struct cell *cell)
{
	return !(all_cpus & ~cell->cpu_set);
}

void vgic_init(u32 num_cpus)
{
	all_cpus = num_cpus >= 64 ? ~0ull : BIT(num_cpus) - 1;
}

bool vgic_owns_spi(const struct cell *cell, u32 intid)
{
	return intid >= 32 && intid < GIC_MAX_IRQS &&
	       (READ_ONCE(cell->arch.spis[intid / 32]) & BIT(intid % 32));
}

/* regs[] is sorted by offset: the global registers below it end early. */
const struct vgic_reg *vgic_find_reg(const struct vgic_reg *regs,
				     unsigned int n, u32 off)
{
	for (; n && off >= regs->offset; n--, regs++)
		if (off - regs->offset < regs->size)
			return regs;
	return NULL;
}

int vgic_dist_access(const struct vgic_view *v, const struct vgic_reg *regs,
		     unsigned int n,
		     int (*global)(struct cell *, u32, struct mmio_access *),
		     struct mmio_access *acc)
{
	u32 off = (u32)(acc->addr - v->base);
	const struct vgic_reg *r;

	if (off & (acc->size - 1u))
		return -EINVAL;
	r = vgic_find_reg(regs, n, off);
	return r ? vgic_irq_access(v, r, off, acc) : global(v->cell, off, acc);
}

void vgic_read_only(u64 addr, struct mmio_access *acc)
{
	if (!acc->write)
		acc->value = gic_mmio_read(addr, acc->size);
}

/*
 * Bit 7 of every priority a direct-IRQ cell sets: whatever it leaves
 * active, its running priority stays below Warden's Group-0 SGI (0x00),
 * even with ICC_BPR1_EL1 = 7 (group priority = bit 7 alone).
 */
#define DIRECT_PRIORITY_FLOOR 0x8080808080808080ull

static u64 width_mask(u32 bits)
{
	return bits >= 64 ? ~0ull : BIT(bits) - 1;
}

/* The fields one access covers, as masks over the access's bits. */
struct fields {
	u32 first; /* INTID of the lowest field */
	u64 own; /* fields of IRQs the cell owns */
	u64 reserved; /* fields of Warden's SGI and PPI */
};

/* Ownership bits of INTIDs first.., all in one 32-INTID word. */
static u32 owned_word(const struct vgic_view *v, u32 first)
{
	if (first < 32)
		return v->private_owned;
	if (!v->spis || first >= GIC_MAX_IRQS)
		return 0;
	return READ_ONCE(v->cell->arch.spis[first / 32]);
}

/* One bit per field (n fields from bit `from` of word) to field masks. */
static u64 spread(u32 word, u32 from, u32 n, u32 bits, u32 width)
{
	u64 set = (word >> from) & width_mask(n);
	u64 field = width_mask(bits), mask = 0;

	if (bits == 1)
		return set; /* the common case: no loop */
	for (; set; set &= set - 1)
		mask |= field << (__builtin_ctzll(set) * bits);
	return mask & width_mask(width);
}

/*
 * Accesses are naturally aligned and no wider than 32 one-bit fields
 * (vgic_irq_access checks), so they never leave a 32-INTID word.
 */
static u32 first_intid(const struct vgic_reg *r, u32 off)
{
	return (off - r->offset) * 8 / r->bits;
}

static u32 num_fields(const struct vgic_reg *r, u32 size)
{
	return r->bits >= size * 8 ? 1 : size * 8 / r->bits;
}

/* Mask of the fields the cell owns among those of the access. */
static u64 own_mask(const struct vgic_view *v, const struct vgic_reg *r,
		    u32 first, u32 size)
{
	return spread(owned_word(v, first), first % 32, num_fields(r, size),
		      r->bits, size * 8);
}

static void fields_of(const struct vgic_view *v, const struct vgic_reg *r,
		      u32 off, u32 size, struct fields *f)
{
	f->first = first_intid(r, off);
	f->own = own_mask(v, r, f->first, size);
	f->reserved = 0;
	if (f->first < 32)
		f->reserved = spread(v->private_reserved, f->first,
				     num_fields(r, size), r->bits, size * 8);
}

static void update_fields(u64 addr, u32 size, u64 own, u64 value)
{
	if (own != width_mask(size * 8))
		value |= gic_mmio_read(addr, size) & ~own;
	gic_mmio_write(addr, size, value);
}

/* SGI/PPI targets (GICv2) are read-only in hardware: nothing to check. */
static bool route_ok(const struct cell *cell, u32 intid, u64 field)
{
	u64 cpus;

	if (intid < 32 || vgic_has_all_cpus(cell))
		return true;
	cpus = vgic_routing->field_cpus(field);
	return cpus && !(cpus & ~cell->cpu_set);
}

/* Changed fields naming a CPU outside the cell keep their old value. */
static u64 checked_routes(const struct vgic_view *v, const struct vgic_reg *r,
			  u32 first, u64 old, u64 next, u32 unit, bool *bad)
{
	u64 field = width_mask(r->bits), m;
	u32 i, shift;

	for (i = 0; i < unit * 8 / r->bits; i++) {
		shift = i * r->bits;
		m = field << shift;
		if (!((old ^ next) & m) ||
		    route_ok(v->cell, first + i, (next & m) >> shift))
			continue;
		next = (next & ~m) | (old & m);
		*bad = true;
	}
	return next;
}

/*
 * A routing write. The read-modify-write covers whole fields: a 32-bit
 * half of a GICv3 IROUTER is checked as the 64-bit value it makes.
 * Returns false when a field was refused.
 */
static bool route_fields(const struct vgic_view *v, const struct vgic_reg *r,
			 u64 addr, u32 size, u64 own, u64 value)
{
	u32 unit = size > r->bits / 8u ? size : r->bits / 8u;
	u64 base = addr & ~(u64)(unit - 1);
	u32 shift = (u32)(addr - base) * 8;
	u32 first = (u32)(base - v->base - r->offset) * 8 / r->bits;
	bool bad = false;
	u64 old, next;

	old = gic_mmio_read(base, unit);
	next = (old & ~(own << shift)) | (value << shift);
	next = checked_routes(v, r, first, old, next, unit, &bad);
	if (next != old)
		gic_mmio_write(base, unit, next);
	return !bad;
}

/* Under the lock; false when a route was refused. */
static bool write_fields(const struct vgic_view *v, const struct vgic_reg *r,
			 u64 addr, u32 size, u64 own, u64 value)
{
	if (!own)
		return true;
	switch (r->kind) {
	case VGIC_SET:
	case VGIC_CLEAR:
		if (value)
			gic_mmio_write(addr, size, value);
		return true;
	case VGIC_VALUE:
		if (r->offset == GICD_IPRIORITYR && v->cell->arch.direct_irq)
			value |= own & DIRECT_PRIORITY_FLOOR;
		update_fields(addr, size, own, value);
		return true;
	case VGIC_ROUTE:
		return route_fields(v, r, addr, size, own, value);
	default: /* VGIC_FIXED: Warden's configuration stays */
		return true;
	}
}

/*
 * Ownership is read and the fields written under the lock, so an SPI
 * moving to another cell at the same time sees either all of the write
 * or none of it.
 */
static void write_access(const struct vgic_view *v, const struct vgic_reg *r,
			 u32 off, struct mmio_access *acc)
{
	u64 addr = v->base + off;
	struct fields f;
	bool routed;
	bool ignore = v->cell->desc->flags & WD_CELL_GIC_IGNORE;

	vgic_lock();
	fields_of(v, r, off, acc->size, &f);
	routed = write_fields(v, r, addr, acc->size, f.own, acc->value & f.own);
	vgic_unlock();
	/* WD_CELL_GIC_IGNORE: what it does not own was left alone, no fault */
	if (!ignore && (acc->value & ~(f.own | f.reserved)))
		cell_fail(v->cell, "GIC register of an IRQ it does not own",
			  addr);
	else if ((acc->value & f.reserved) && v->cell->arch.direct_irq)
		cell_fail(v->cell, "Warden's management interrupt", addr);
	else if (!ignore && !routed)
		cell_fail(v->cell, "GIC routing to a CPU it does not own",
			  addr);
}

int vgic_irq_access(const struct vgic_view *v, const struct vgic_reg *r,
		    u32 off, struct mmio_access *acc)
{
	u64 own;

	if (!(r->sizes & acc->size) || (off & (acc->size - 1u)))
		return -EINVAL;
	if (acc->write) {
		write_access(v, r, off, acc);
		return 0;
	}
	own = own_mask(v, r, first_intid(r, off), acc->size);
	acc->value = own ? gic_mmio_read(v->base + off, acc->size) & own : 0;
	return 0;
}
