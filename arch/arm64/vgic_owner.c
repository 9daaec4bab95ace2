// SPDX-License-Identifier: GPL-2.0
/*
 * Who owns which SPI. The root owns every SPI no other cell owns; a cell
 * owns the SPIs its config names (irqs[] and its devices' irqs). SGIs and
 * PPIs belong to whoever owns the CPU. An SPI is always routed to CPUs of
 * its owner, which is what lets the IRQ path inject whatever a CPU takes
 * into that CPU's cell without looking the INTID up.
 *
 * At create a cell's SPIs are disabled, unpended, deactivated and routed
 * to its first CPU; the root's configuration of them (priority, trigger)
 * is saved and restored when they go back at destroy.
 */
#include <arch/gic.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/config_check.h>
#include <wd/errno.h>
#include <wd/printk.h>
#include <wd/string.h>

static u64 gicd;

static void set_owner(struct cell *from, struct cell *to, u32 intid)
{
	u32 bit = (u32)BIT(intid % 32);

	if (from)
		WRITE_ONCE(from->arch.spis[intid / 32],
			   from->arch.spis[intid / 32] & ~bit);
	WRITE_ONCE(to->arch.spis[intid / 32], to->arch.spis[intid / 32] | bit);
}

/* At enable: every SPI the GIC implements, up to the special INTIDs. */
void vgic_init_root(struct cell *root, u64 gicd_base, u32 num_irqs)
{
	u32 intid, limit = MIN(num_irqs, (u32)INTID_SPURIOUS);

	gicd = gicd_base;
	memset(root->arch.spis, 0, sizeof(root->arch.spis));
	root->arch.num_saved = 0;
	for (intid = 32; intid < limit; intid++)
		set_owner(NULL, root, intid);
}

static unsigned int lowest_cpu(u64 cpus)
{
	return cpus ? (unsigned int)__builtin_ctzll(cpus) : 0;
}

static u64 route_addr(u32 intid)
{
	return gicd + vgic_routing->offset + intid * (vgic_routing->bits / 8u);
}

static void route_spi(u32 intid, unsigned int cpu)
{
	gic_mmio_write(route_addr(intid), vgic_routing->bits / 8u,
		       vgic_routing->cpu_field(cpu));
}

/*
 * An SPI Warden keeps for itself (the SMMU's: dma.md), GICv3 with one
 * security state (GICD_CTLR.DS) only: Group 0, so it comes as an FIQ to
 * EL2 (HCR_EL2.FMO) on whatever the CPU runs, never through a list
 * register; edge, priority 0x10, routed to CPU 0; the root no longer
 * owns it (its GICD writes there are dropped). keep false (disable):
 * off and Group 1 again, as Linux must never take a Group-0 FIQ.
 */
int vgic_keep_spi(struct cell *root, u32 intid, bool keep)
{
	u32 reg = intid / 32 * 4, bit = (u32)BIT(intid % 32);
	u64 grp = gicd + GICD_IGROUPR + reg;
	u64 cfg = gicd + GICD_ICFGR + intid / 16 * 4;

	if (!(gic_mmio_read(gicd + GICD_CTLR, 4) & BIT(6)))
		return -ENODEV; /* no DS: Group 0 is the secure world's */
	gic_mmio_write(gicd + GICD_ICENABLER + reg, 4, bit);
	gic_mmio_write(gicd + GICD_ICPENDR + reg, 4, bit);
	gic_mmio_write(grp, 4,
		       keep ? gic_mmio_read(grp, 4) & ~bit
			    : gic_mmio_read(grp, 4) | bit);
	if (!keep)
		return 0;
	WRITE_ONCE(root->arch.spis[intid / 32],
		   root->arch.spis[intid / 32] & ~bit);
	gic_mmio_write(cfg, 4, gic_mmio_read(cfg, 4) | 2u << (intid % 16 * 2));
	gic_mmio_write(gicd + GICD_IPRIORITYR + intid, 1, 0x10);
	route_spi(intid, 0);
	gic_mmio_write(gicd + GICD_ISENABLER + reg, 4, bit);
	return 0;
}

static u64 spi_cpus(u32 intid)
{
	return vgic_routing->field_cpus(
		gic_mmio_read(route_addr(intid), vgic_routing->bits / 8u));
}

static void bit_write(u32 reg, u32 intid)
{
	gic_mmio_write(gicd + reg + intid / 32 * 4, 4, BIT(intid % 32));
}

/* Nothing of the previous owner survives: off, not pending, not active. */
static void quiesce_spi(u32 intid)
{
	bit_write(GICD_ICENABLER, intid);
	bit_write(GICD_ICPENDR, intid);
	bit_write(GICD_ICACTIVER, intid);
}

static void save_spi(struct cell *cell, u32 intid)
{
	struct gic_saved_spi *s;
	u32 cfg = (u32)gic_mmio_read(gicd + GICD_ICFGR + intid / 16 * 4, 4);

	if (cell->arch.num_saved >= GIC_CELL_MAX_SPIS)
		return;
	s = &cell->arch.saved[cell->arch.num_saved++];
	s->intid = (u16)intid;
	s->priority = (u8)gic_mmio_read(gicd + GICD_IPRIORITYR + intid, 1);
	s->config = (u8)((cfg >> (intid % 16 * 2)) & 3);
}

static void restore_spi(const struct gic_saved_spi *s)
{
	u64 cfg = gicd + GICD_ICFGR + s->intid / 16 * 4;
	u32 shift = s->intid % 16 * 2;
	u32 old = (u32)gic_mmio_read(cfg, 4);

	gic_mmio_write(gicd + GICD_IPRIORITYR + s->intid, 1, s->priority);
	gic_mmio_write(cfg, 4,
		       (old & ~(3u << shift)) | (u32)s->config << shift);
}

/* The i-th SPI a cell config names: irqs[], then devices; 0 = none. */
static u32 config_spi(const struct wd_cell *d, u32 i)
{
	if (i < d->num_irqs)
		return wd_cell_irqs(d)[i];
	return wd_cell_devices(d)[i - d->num_irqs].irq;
}

/* All or nothing: every SPI the config names must be the root's now. */
static u32 first_spi_not_free(const struct wd_cell *d)
{
	u32 i, intid;

	for (i = 0; i < d->num_irqs + d->num_devices; i++) {
		intid = config_spi(d, i);
		if (intid && !vgic_owns_spi(&root_cell, intid))
			return intid;
	}
	return 0;
}

/* See DIRECT_PRIORITY_FLOOR (vgic.c): the root's priority may be higher. */
static void floor_priority(u32 intid)
{
	u64 addr = gicd + GICD_IPRIORITYR + intid;

	gic_mmio_write(addr, 1, gic_mmio_read(addr, 1) | 0x80);
}

static void take_spi(struct cell *cell, u32 intid, unsigned int cpu)
{
	set_owner(&root_cell, cell, intid);
	quiesce_spi(intid);
	save_spi(cell, intid);
	route_spi(intid, cpu);
	if (cell->arch.direct_irq)
		floor_priority(intid);
}

/*
 * The root's SPIs still routed to a CPU the cell takes (Linux moves the
 * ones it uses when the CPU goes offline, not the others) go to a CPU
 * the root keeps.
 */
static void reroute_root_spis(u64 cell_cpus)
{
	unsigned int root_cpu = lowest_cpu(root_cell.cpu_set & ~cell_cpus);
	u32 intid;

	for (intid = 32; intid < GIC_MAX_IRQS; intid++)
		if (vgic_owns_spi(&root_cell, intid) &&
		    (spi_cpus(intid) & cell_cpus))
			route_spi(intid, root_cpu);
}

/* Runs with the cell's CPUs parked, before any of them enters it. */
int vgic_take_spis(struct cell *cell)
{
	const struct wd_cell *d = cell->desc;
	unsigned int cpu = lowest_cpu(cell->cpu_set);
	u32 i, intid, busy;

	vgic_lock();
	busy = first_spi_not_free(d);
	for (i = 0; !busy && i < d->num_irqs + d->num_devices; i++) {
		intid = config_spi(d, i);
		/* a duplicate was taken already */
		if (intid && vgic_owns_spi(&root_cell, intid))
			take_spi(cell, intid, cpu);
	}
	if (!busy)
		reroute_root_spis(cell->cpu_set);
	vgic_unlock();
	if (busy)
		printk("GIC: cell %s: SPI %u is not the root's to give\n",
		       cell->name, busy);
	return busy ? -EBUSY : 0;
}

/* Runs with the cell's CPUs parked: nothing of the cell runs any more. */
void vgic_give_spis(struct cell *cell)
{
	unsigned int cpu = lowest_cpu(root_cell.cpu_set & ~cell->cpu_set);
	const struct gic_saved_spi *s;
	u32 i;

	vgic_lock();
	for (i = 0; i < cell->arch.num_saved; i++) {
		s = &cell->arch.saved[i];
		if (!vgic_owns_spi(cell, s->intid))
			continue;
		quiesce_spi(s->intid);
		restore_spi(s);
		route_spi(s->intid, cpu);
		set_owner(cell, &root_cell, s->intid);
	}
	cell->arch.num_saved = 0;
	vgic_unlock();
}
