// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv2 distributor as every cell (root included) sees it: trapped
 * through stage 2 (nobody has it mapped). Per-INTID registers go to the
 * generic handler (vgic.c); the banked SGI/PPI registers are the
 * accessing CPU's, which always belongs to the accessing cell. GICD_SGIR
 * reaches only CPUs of the sender's cell; CTLR, TYPER, IIDR and the ID
 * registers read through and every write to them is dropped (a cell
 * turning the distributor off would silence every other cell; Linux
 * writes CTLR only when it probes the GIC, before Warden runs).
 */
#include <arch/gic.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/setup.h>

#define GICD_ITARGETSR 0x0800
#define GICD_SGIR 0x0f00
#define GICD_CPENDSGIR 0x0f10
#define GICD_SPENDSGIR 0x0f20
#define GICD_V2_ID_FIRST 0x0fd0

#define SGIR_INTID(v) ((v)&0xf)
#define SGIR_TARGETS(v) (((v) >> 16) & 0xff)
#define SGIR_FILTER(v) (((v) >> 24) & 3)
#define SGIR_FILTER_LIST 0
#define SGIR_FILTER_OTHERS 1
#define SGIR_FILTER_SELF 2

/* Sorted by offset (vgic_find_reg stops early). */
static const struct vgic_reg regs[] = {
	{GICD_IGROUPR, 0x80, 1, VGIC_FIXED, 4},
	{GICD_ISENABLER, 0x80, 1, VGIC_SET, 4},
	{GICD_ICENABLER, 0x80, 1, VGIC_CLEAR, 4},
	{GICD_ISPENDR, 0x80, 1, VGIC_SET, 4},
	{GICD_ICPENDR, 0x80, 1, VGIC_CLEAR, 4},
	{GICD_ISACTIVER, 0x80, 1, VGIC_SET, 4},
	{GICD_ICACTIVER, 0x80, 1, VGIC_CLEAR, 4},
	{GICD_IPRIORITYR, 0x400, 8, VGIC_VALUE, 1 | 4},
	{GICD_ITARGETSR, 0x400, 8, VGIC_ROUTE, 1 | 4},
	{GICD_ICFGR, 0x100, 2, VGIC_VALUE, 4},
	{GICD_NSACR, 0x100, 2, VGIC_FIXED, 4},
	/* one byte per SGI, one bit per source CPU */
	{GICD_CPENDSGIR, 0x10, 8, VGIC_CLEAR, 1 | 4},
	{GICD_SPENDSGIR, 0x10, 8, VGIC_SET, 1 | 4},
};

static u64 gicd;

static u64 cpus_of_targets(u32 mask)
{
	const struct wd_platform *p = &wd_system_config()->platform;
	unsigned int cpu;
	u64 cpus = 0;

	for (cpu = 0; cpu < p->num_cpus && cpu < WD_MAX_CPUS; cpu++)
		if (percpu_of(cpu)->arch.gic_target & mask)
			cpus |= BIT(cpu);
	return cpus;
}

static u32 targets_of_cpus(u64 cpus)
{
	u32 mask = 0;

	for (; cpus; cpus &= cpus - 1)
		mask |= percpu_of((unsigned int)__builtin_ctzll(cpus))
				->arch.gic_target;
	return mask;
}

static u64 v2_field_cpus(u64 field)
{
	return cpus_of_targets((u32)field & 0xff);
}

static u64 v2_cpu_field(unsigned int cpu)
{
	return percpu_of(cpu)->arch.gic_target;
}

static const struct vgic_routing vgicv2_routing = {
	.offset = GICD_ITARGETSR,
	.bits = 8,
	.field_cpus = v2_field_cpus,
	.cpu_field = v2_cpu_field,
};

void vgicv2_init(u64 gicd_base)
{
	gicd = gicd_base;
	vgic_routing = &vgicv2_routing;
}

/*
 * An SGI reaches only CPUs of the sender's cell, and Warden's SGI is
 * never sent for a cell. Other targets are dropped without a fault: an
 * IPI racing with a CPU leaving Linux is legitimate.
 */
static void send_sgi(const struct cell *cell, u32 value)
{
	u32 self = this_cpu()->arch.gic_target;
	u32 allowed, targets;

	switch (SGIR_FILTER(value)) {
	case SGIR_FILTER_LIST:
		targets = SGIR_TARGETS(value);
		break;
	case SGIR_FILTER_OTHERS:
		targets = ~self;
		break;
	case SGIR_FILTER_SELF:
		targets = self;
		break;
	default:
		return;
	}
	allowed =
		vgic_has_all_cpus(cell) ? 0xff : targets_of_cpus(cell->cpu_set);
	targets &= allowed;
	if (targets && SGIR_INTID(value) != SGI_WARDEN)
		gic_mmio_write(gicd + GICD_SGIR, 4,
			       targets << 16 | SGIR_INTID(value));
}

static int global_access(struct cell *cell, u32 off, struct mmio_access *acc)
{
	if (acc->size != 4)
		return -EINVAL;
	if (off == GICD_SGIR) {
		if (acc->write)
			send_sgi(cell, (u32)acc->value);
		else
			acc->value = 0;
	} else if (off == GICD_CTLR || off == GICD_TYPER || off == GICD_IIDR ||
		   off >= GICD_V2_ID_FIRST) {
		vgic_read_only(gicd + off, acc);
	} else if (!acc->write) {
		acc->value = 0; /* reserved */
	}
	return 0;
}

int vgicv2_dist_access(void *arg, struct mmio_access *acc)
{
	u32 reserved = vgic_private_reserved();
	struct vgic_view v = {this_cpu()->cell, gicd, ~reserved, reserved,
			      true};

	(void)arg;
	return vgic_dist_access(&v, regs, ARRAY_SIZE(regs), global_access, acc);
}
