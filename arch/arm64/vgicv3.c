// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv3 distributor as every cell (root included) sees it: trapped
 * through stage 2. With affinity routing the distributor holds SPIs only
 * (its SGI/PPI registers are reserved); per-INTID registers go to the
 * generic handler (vgic.c), IROUTER must name a CPU of the SPI's owner
 * (1-of-N routing only while the owner has every CPU). CTLR, TYPER,
 * IIDR, STATUSR and the ID registers read through and writes to them are
 * dropped: a cell turning a group off would silence every other cell, and
 * Linux writes CTLR only when it probes the GIC, before Warden runs.
 */
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/setup.h>

#define GICD_TYPER2 0x000c
#define GICD_STATUSR 0x0010
#define GICD_SETSPI_NSR 0x0040
#define GICD_CLRSPI_NSR 0x0048
#define GICD_IGRPMODR 0x0d00
#define GICD_IROUTER 0x6000
#define IROUTER_IRM BIT(31)
#define INTID_MASK 0x1fff

/*
 * Sorted by offset (vgic_find_reg stops early). The SGI frame of a
 * redistributor uses all but the last (IROUTER).
 */
const struct vgic_reg vgicv3_regs[] = {
	{GICD_IGROUPR, 0x80, 1, VGIC_FIXED, 4},
	{GICD_ISENABLER, 0x80, 1, VGIC_SET, 4},
	{GICD_ICENABLER, 0x80, 1, VGIC_CLEAR, 4},
	{GICD_ISPENDR, 0x80, 1, VGIC_SET, 4},
	{GICD_ICPENDR, 0x80, 1, VGIC_CLEAR, 4},
	{GICD_ISACTIVER, 0x80, 1, VGIC_SET, 4},
	{GICD_ICACTIVER, 0x80, 1, VGIC_CLEAR, 4},
	{GICD_IPRIORITYR, 0x400, 8, VGIC_VALUE, 1 | 4},
	{GICD_ICFGR, 0x100, 2, VGIC_VALUE, 4},
	{GICD_IGRPMODR, 0x80, 1, VGIC_FIXED, 4},
	{GICD_NSACR, 0x100, 2, VGIC_FIXED, 4},
	{GICD_IROUTER, 0x2000, 64, VGIC_ROUTE, 4 | 8},
};

const unsigned int vgicv3_sgi_frame_regs = ARRAY_SIZE(vgicv3_regs) - 1;

static u64 gicd;

static u64 v3_field_cpus(u64 field)
{
	const struct wd_platform *p = &wd_system_config()->platform;
	unsigned int cpu, n = MIN(p->num_cpus, (u32)WD_MAX_CPUS);

	if (field & IROUTER_IRM)
		return n >= 64 ? ~0ull : BIT(n) - 1;
	for (cpu = 0; cpu < n; cpu++)
		if ((p->arm64.mpidr[cpu] & MPIDR_AFF_MASK) ==
		    (field & MPIDR_AFF_MASK))
			return BIT(cpu);
	return 0;
}

static u64 v3_cpu_field(unsigned int cpu)
{
	return wd_system_config()->platform.arm64.mpidr[cpu] & MPIDR_AFF_MASK;
}

static const struct vgic_routing vgicv3_routing = {
	.offset = GICD_IROUTER,
	.bits = 64,
	.field_cpus = v3_field_cpus,
	.cpu_field = v3_cpu_field,
};

/* GICD_SETSPI_NSR/CLRSPI_NSR name the SPI in the value: the cell's only. */
static void set_clear_spi(struct cell *cell, u32 off, struct mmio_access *acc)
{
	u32 intid = (u32)acc->value & INTID_MASK;
	bool owned;

	if (!acc->write) {
		acc->value = 0;
		return;
	}
	vgic_lock();
	owned = vgic_owns_spi(cell, intid);
	if (owned)
		gic_mmio_write(gicd + off, 4, intid);
	vgic_unlock();
	if (!owned)
		cell_fail(cell, "GIC register of an IRQ it does not own",
			  acc->addr);
}

static int global_access(struct cell *cell, u32 off, struct mmio_access *acc)
{
	if (acc->size != 4)
		return -EINVAL;
	switch (off) {
	case GICD_SETSPI_NSR:
	case GICD_CLRSPI_NSR:
		set_clear_spi(cell, off, acc);
		return 0;
	case GICD_CTLR:
	case GICD_TYPER:
	case GICD_IIDR:
	case GICD_TYPER2:
	case GICD_STATUSR:
		vgic_read_only(gicd + off, acc);
		return 0;
	}
	/* Others: reserved, or not used with affinity routing. */
	if (off >= GICD_ID_FIRST)
		vgic_read_only(gicd + off, acc);
	else if (!acc->write)
		acc->value = 0;
	return 0;
}

void vgicv3_init(u64 gicd_base, u64 gicr_base, u32 num_frames)
{
	gicd = gicd_base;
	vgic_routing = &vgicv3_routing;
	vgicv3_redist_init(gicr_base, num_frames, gicd_base);
}

/* SGIs and PPIs are in the redistributors: none private here. */
int vgicv3_dist_access(void *arg, struct mmio_access *acc)
{
	struct vgic_view v = {this_cpu()->cell, gicd, 0, 0, true};

	(void)arg;
	return vgic_dist_access(&v, vgicv3_regs, ARRAY_SIZE(vgicv3_regs),
				global_access, acc);
}
