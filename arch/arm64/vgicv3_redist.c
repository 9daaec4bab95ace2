// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 redistributors, trapped for every cell (root included) rather
 * than mapped: each CPU's 128 KiB frame (RD_base + SGI_base) belongs to
 * the cell that owns the CPU, and Warden keeps its SGI and maintenance
 * PPI enabled and the redistributor awake in every frame.
 *
 * - Any cell may read the identification registers (IIDR, TYPER, ID) of
 *   any frame: Linux and the inmate library walk the frames to find
 *   their own; CTLR reads as zero there. Anything else in another CPU's
 *   frame is a violation.
 * - Own frame, SGI_base: the generic per-INTID handler, SGIs and PPIs
 *   only (vgic.c). RD_base: CTLR, STATUSR and WAKER read through;
 *   writes to WAKER are dropped (a sleeping redistributor would not
 *   deliver Warden's SGI). The LPI registers are the root's: passed
 *   through for it, read-as-zero/write-ignored for other cells; but the
 *   LPI table bases (PROPBASER, PENDBASER) and EnableLPIs only when the
 *   tables lie in the root's own RAM (the GIC writes them itself).
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
#define GICR_CTLR_ENABLE_LPIS BIT(0)
#define GICD_TYPER_IDBITS(t) ((((t) >> 19) & 0x1f) + 1)
#define PROPBASER_IDBITS(v) (((v)&0x1f) + 1)
#define PROPBASER_PA(v) ((v)&0x000ffffffffff000ull) /* bits 51:12 */
#define PENDBASER_PA(v) ((v)&0x000fffffffff0000ull) /* bits 51:16 */
#define LPI_FIRST 8192

static u64 gicr, gicd;
static u32 num_frames;

void vgicv3_redist_init(u64 gicr_base, u32 frames, u64 gicd_base)
{
	gicr = gicr_base;
	num_frames = frames;
	gicd = gicd_base;
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

/*
 * Linux also reads every frame's CTLR while it walks them at boot: it
 * reads as zero, nothing of the other CPU's state is shown.
 */
static void foreign_frame(struct cell *cell, u64 frame, u32 off,
			  struct mmio_access *acc)
{
	if (!acc->write && is_id_reg(off)) {
		vgic_read_only(frame + off, acc);
		return;
	}
	if (!acc->write && off == GICR_CTLR) {
		acc->value = 0;
		return;
	}
	if (!acc->write)
		acc->value = 0;
	cell_fail(cell, "another CPU's GIC redistributor", acc->addr);
}

static void pass_through(u64 addr, struct mmio_access *acc)
{
	if (acc->write)
		gic_mmio_write(addr, acc->size, acc->value);
	else
		acc->value = gic_mmio_read(addr, acc->size);
}

/*
 * Bytes of the LPI configuration table: one per LPI, INTIDs 8192 up to
 * 2^IDbits. The field as written, not clamped to GICD_TYPER: never less
 * than what the GIC may read. Fewer than 14 bits means no LPI: the base
 * itself must still be the root's.
 */
static u64 prop_size(u64 propbaser)
{
	u32 bits = PROPBASER_IDBITS(propbaser);

	return bits > 13 ? BIT(bits) - LPI_FIRST : 1;
}

/*
 * Pending table: one bit per INTID up to the most the GIC implements
 * (GICD_TYPER.IDbits): an upper bound whatever PROPBASER says, now or
 * after a later write, so each register is checked on its own.
 */
static u64 pend_size(void)
{
	return BIT(GICD_TYPER_IDBITS(gic_mmio_read(gicd + GICD_TYPER, 4))) / 8;
}

static bool lpi_table_ok(u32 reg, u64 val)
{
	if (reg == GICR_PROPBASER)
		return root_owns_ram(PROPBASER_PA(val), prop_size(val));
	return root_owns_ram(PENDBASER_PA(val), pend_size());
}

/*
 * The GIC reads and writes the LPI tables itself (DMA), so a base
 * pointing at Warden or at a cell would have the GIC write there.
 * Trust: the value is the root's; the register takes it only if the
 * table lies in the root's own RAM, else the write is dropped and
 * reported. A 32-bit half is checked as the 64-bit value it makes, and
 * that whole value is written: halves from two CPUs never combine into
 * a value nobody checked.
 */
static void lpi_base_write(struct cell *cell, u64 frame, u32 off,
			   const struct mmio_access *acc)
{
	u32 reg = off & ~7u, shift = (off & 4u) * 8;
	u64 val = acc->value;

	if (acc->size == 4)
		val = (gic_mmio_read(frame + reg, 8) &
		       ~(0xffffffffull << shift)) |
		      (val & 0xffffffffull) << shift;
	if (lpi_table_ok(reg, val))
		gic_mmio_write(frame + reg, 8, val);
	else
		cell_fail(cell, "GIC LPI table outside the root's RAM",
			  acc->addr);
}

/* Root: its LPI set-up passes. Other cells have no LPIs: RAZ/WI. */
static void lpi_reg(struct cell *cell, u64 frame, u32 off,
		    struct mmio_access *acc)
{
	if (cell != &root_cell) {
		if (!acc->write)
			acc->value = 0;
	} else if (acc->write && off >= GICR_PROPBASER &&
		   off < GICR_PENDBASER + 8) {
		lpi_base_write(cell, frame, off, acc);
	} else {
		pass_through(frame + off, acc);
	}
}

/*
 * EnableLPIs starts the GIC on whatever the bases hold, and they may
 * hold values from before Warden (reset, or firmware): checked again.
 */
static void root_ctlr(struct cell *cell, u64 frame, struct mmio_access *acc)
{
	if (acc->write && (acc->value & GICR_CTLR_ENABLE_LPIS) &&
	    !(lpi_table_ok(GICR_PROPBASER,
			   gic_mmio_read(frame + GICR_PROPBASER, 8)) &&
	      lpi_table_ok(GICR_PENDBASER,
			   gic_mmio_read(frame + GICR_PENDBASER, 8))))
		cell_fail(cell, "GIC LPI table outside the root's RAM",
			  acc->addr);
	else
		pass_through(frame + GICR_CTLR, acc);
}

static void rd_frame(struct cell *cell, u64 frame, u32 off,
		     struct mmio_access *acc)
{
	switch (off) {
	case GICR_CTLR: /* EnableLPIs is the root's */
		if (cell == &root_cell)
			root_ctlr(cell, frame, acc);
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
		lpi_reg(cell, frame, off, acc);
	else if (!acc->write)
		acc->value = 0; /* reserved */
}

static int sgi_frame(struct cell *cell, u64 frame, u32 off,
		     struct mmio_access *acc)
{
	const struct vgic_reg *r =
		vgic_find_reg(vgicv3_regs, vgicv3_sgi_frame_regs, off);
	u32 reserved = vgic_private_reserved();
	struct vgic_view v = {cell, frame + GICR_SGI_BASE, ~reserved, reserved,
			      false};

	if (r)
		return vgic_irq_access(&v, r, off, acc);
	if (!acc->write)
		acc->value = 0; /* reserved */
	return 0;
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
