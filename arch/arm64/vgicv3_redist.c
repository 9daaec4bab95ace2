// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 redistributors, trapped for every cell (root included) rather
 * than mapped: each CPU's 128 KiB frame (RD_base + SGI_base) belongs to
 * the cell that owns the CPU, and Warden keeps its SGI and maintenance
 * PPI enabled and the redistributor awake in every frame.
 *
 * - Any cell may read the identification registers (IIDR, TYPER, ID) of
 *   any frame: Linux and the inmate library walk the frames to find
 *   their own. Anything else in another CPU's frame is a violation.
 * - Own frame, SGI_base: the generic per-INTID handler, SGIs and PPIs
 *   only (vgic.c). RD_base: CTLR, STATUSR and WAKER read through;
 *   writes to WAKER are dropped (a sleeping redistributor would not
 *   deliver Warden's SGI). The LPI registers are the root's: passed
 *   through for it, read-as-zero/write-ignored for other cells.
 */
#include <arch/gic.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/setup.h>

#define GICR_STRIDE 0x20000u
#define GICR_SGI_BASE 0x10000u
#define GICR_CTLR 0x0000
#define GICR_IIDR 0x0004
#define GICR_TYPER 0x0008
#define GICR_STATUSR 0x0010
#define GICR_WAKER 0x0014
#define GICR_SETLPIR 0x0040
#define GICR_PROPBASER 0x0070
#define GICR_PENDBASER 0x0078
#define GICR_SYNCR 0x00c0

static u64 gicr;
static u32 num_frames;

void vgicv3_redist_init(u64 gicr_base, u32 frames)
{
	gicr = gicr_base;
	num_frames = frames;
}

/* Logical CPU whose redistributor frame starts at frame, or -1. */
static int frame_cpu(u64 frame)
{
	unsigned int cpu;

	for (cpu = 0; cpu < num_frames && cpu < WD_MAX_CPUS; cpu++)
		if (percpu_of(cpu)->arch.gicr_base == frame)
			return (int)cpu;
	return -1;
}

/* 64-bit registers of RD_base; everything else is 32 bits wide. */
static bool size_ok(u32 off, u32 size)
{
	if (size == 4)
		return true;
	return size == 8 && (off == GICR_TYPER || off == GICR_PROPBASER ||
			     off == GICR_PENDBASER);
}

static bool is_id_reg(u32 off)
{
	return off == GICR_IIDR || off == GICR_TYPER || off == GICR_TYPER + 4 ||
	       (off >= GICD_ID_FIRST && off < GICR_SGI_BASE);
}

static void foreign_frame(struct cell *cell, u64 frame, u32 off,
			  struct mmio_access *acc)
{
	if (!acc->write && is_id_reg(off)) {
		vgic_read_only(frame + off, acc);
		return;
	}
	if (!acc->write)
		acc->value = 0;
	vgic_refuse(cell, acc->addr, "another CPU's GIC redistributor");
}

static void pass_through(u64 addr, struct mmio_access *acc)
{
	if (acc->write)
		gic_mmio_write(addr, acc->size, acc->value);
	else
		acc->value = gic_mmio_read(addr, acc->size);
}

/* Root: its LPI set-up passes. Other cells have no LPIs: RAZ/WI. */
static void lpi_reg(const struct cell *cell, u64 addr, struct mmio_access *acc)
{
	if (cell == &root_cell)
		pass_through(addr, acc);
	else if (!acc->write)
		acc->value = 0;
}

static void rd_frame(const struct cell *cell, u64 frame, u32 off,
		     struct mmio_access *acc)
{
	switch (off) {
	case GICR_CTLR: /* EnableLPIs is the root's */
		if (cell == &root_cell)
			pass_through(frame + off, acc);
		else
			vgic_read_only(frame + off, acc);
		return;
	case GICR_STATUSR:
	case GICR_WAKER:
		vgic_read_only(frame + off, acc);
		return;
	}
	if (is_id_reg(off))
		vgic_read_only(frame + off, acc);
	else if (off >= GICR_SETLPIR && off <= GICR_SYNCR)
		lpi_reg(cell, frame + off, acc);
	else if (!acc->write)
		acc->value = 0; /* reserved */
}

static int sgi_frame(struct cell *cell, u64 frame, u32 off,
		     struct mmio_access *acc)
{
	const struct vgic_reg *r;
	struct vgic_view v;

	r = vgic_find_reg(vgicv3_regs, vgicv3_sgi_frame_regs, off);
	if (!r) {
		if (!acc->write)
			acc->value = 0; /* reserved */
		return 0;
	}
	v.cell = cell;
	v.base = frame + GICR_SGI_BASE;
	v.private_reserved = vgic_private_reserved();
	v.private_owned = ~v.private_reserved;
	v.spis = false;
	return vgic_irq_access(&v, r, off, acc);
}

int vgicv3_redist_access(void *arg, struct mmio_access *acc)
{
	struct cell *cell = this_cpu()->cell;
	u64 rel = acc->addr - gicr;
	u64 frame = gicr + (rel & ~(u64)(GICR_STRIDE - 1));
	u32 off = (u32)rel & (GICR_STRIDE - 1);
	int cpu = frame_cpu(frame);

	(void)arg;
	if ((off & (acc->size - 1u)) ||
	    (off < GICR_SGI_BASE && !size_ok(off, acc->size)))
		return -EINVAL;
	if (cpu < 0 || !(cell->cpu_set & BIT(cpu)))
		foreign_frame(cell, frame, off, acc);
	else if (off >= GICR_SGI_BASE)
		return sgi_frame(cell, frame, off - GICR_SGI_BASE, acc);
	else
		rd_frame(cell, frame, off, acc);
	return 0;
}
