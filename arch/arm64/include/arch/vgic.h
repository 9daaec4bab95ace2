/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Distributor and redistributor emulation (Documentation/interrupts.md).
 * The root and every cell reach the GIC's distributor (and on GICv3 the
 * redistributors) only through stage-2 data aborts: each access is checked
 * against the IRQs the accessing cell owns. vgic.c holds the generic
 * per-INTID register handler; vgicv2.c, vgicv3.c and vgicv3_redist.c the
 * registers of one GIC version; vgic_owner.c moves SPIs between cells.
 */
#ifndef ARCH_VGIC_H
#define ARCH_VGIC_H

#include <arch/cell.h>
#include <wd/mmio.h>
#include <wd/paging.h>
#include <wd/types.h>

struct cell;

/* Distributor offsets common to GICv2 and GICv3 (and the SGI frame). */
#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IIDR 0x0008
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ISPENDR 0x0200
#define GICD_ICPENDR 0x0280
#define GICD_ISACTIVER 0x0300
#define GICD_ICACTIVER 0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0c00
#define GICD_NSACR 0x0e00
#define GICD_ID_FIRST 0xffd0 /* PIDR4..CIDR3 (GICv2: 0xfd0 in a 4K map) */

/* Priority Linux gives every interrupt; restored on reset. */
#define GIC_DEFAULT_PRIORITY 0xa0

/* How a per-INTID register range behaves. */
enum vgic_kind {
	VGIC_SET, /* write 1 to set (ISENABLER, ISPENDR, ...) */
	VGIC_CLEAR, /* write 1 to clear */
	VGIC_VALUE, /* fields read and written as values */
	VGIC_ROUTE, /* target fields: must name CPUs of the owner */
	VGIC_FIXED, /* Warden's choice (groups, security): writes dropped */
};

/* A range of registers holding one field of `bits` bits per INTID. */
struct vgic_reg {
	u16 offset; /* first byte, from the block's base */
	u16 size; /* bytes */
	u8 bits; /* 1, 2, 8 or 64 */
	u8 kind; /* enum vgic_kind */
	u8 sizes; /* access sizes allowed: OR of 1, 4 and 8 */
};

/* An access as the accessing cell sees the block it lands in. */
struct vgic_view {
	struct cell *cell; /* the accessing cell */
	u64 base; /* physical base of the register block */
	u32 private_owned; /* SGIs/PPIs (INTIDs 0..31) it may use here */
	u32 private_reserved; /* Warden's SGI and PPI: writes dropped quietly */
	bool spis; /* INTIDs >= 32 live in this block */
};

/*
 * Routing fields (GICv2 ITARGETSR bytes, GICv3 IROUTER): where they are
 * and how a field value maps to logical CPUs.
 */
struct vgic_routing {
	u16 offset;
	u8 bits;
	/* Logical CPUs a field value sends the interrupt to. */
	u64 (*field_cpus)(u64 field);
	/* The field value that sends an SPI to logical CPU cpu only. */
	u64 (*cpu_field)(unsigned int cpu);
};

extern const struct vgic_routing *vgic_routing;

/* Raw register access at EL2 (the GIC is mapped device memory). */
static inline u64 gic_mmio_read(u64 addr, unsigned int size)
{
	void *p = paging_ptr(addr);

	if (size == 1)
		return *(volatile u8 *)p;
	if (size == 8)
		return *(volatile u64 *)p;
	return *(volatile u32 *)p;
}

static inline void gic_mmio_write(u64 addr, unsigned int size, u64 v)
{
	void *p = paging_ptr(addr);

	if (size == 1)
		*(volatile u8 *)p = (u8)v;
	else if (size == 8)
		*(volatile u64 *)p = v;
	else
		*(volatile u32 *)p = (u32)v;
}

/* vgic.c */
void vgic_init(u32 num_cpus);
void vgic_lock(void);
void vgic_unlock(void);
const struct vgic_reg *vgic_find_reg(const struct vgic_reg *regs,
				     unsigned int n, u32 off);
/* Emulates an access at off (from view->base) inside register range r. */
int vgic_irq_access(const struct vgic_view *v, const struct vgic_reg *r,
		    u32 off, struct mmio_access *acc);
/* A distributor access: regs' per-IRQ registers, global() the others. */
int vgic_dist_access(const struct vgic_view *v, const struct vgic_reg *regs,
		     unsigned int n,
		     int (*global)(struct cell *, u32, struct mmio_access *),
		     struct mmio_access *acc);
/* A read of a register every cell may see, or a write Warden drops. */
void vgic_read_only(u64 addr, struct mmio_access *acc);
u32 vgic_private_reserved(void);
/* Does the cell own every CPU of the platform (no other cell exists)? */
bool vgic_has_all_cpus(const struct cell *cell);
/* Does the cell own this INTID (SPIs only)? */
bool vgic_owns_spi(const struct cell *cell, u32 intid);

/* vgic_owner.c */
void vgic_init_root(struct cell *root, u64 gicd, u32 num_irqs);
int vgic_take_spis(struct cell *cell);
void vgic_give_spis(struct cell *cell);
/* An SPI of Warden's own (an FIQ), or back to Group 1 (disable). */
int vgic_keep_spi(struct cell *root, u32 intid, bool keep);

/* MMIO handlers (mmio_handler_fn), arg unused. */
int vgicv2_dist_access(void *arg, struct mmio_access *acc);
int vgicv3_dist_access(void *arg, struct mmio_access *acc);
int vgicv3_redist_access(void *arg, struct mmio_access *acc);
void vgicv2_init(u64 gicd);
void vgicv3_init(u64 gicd, u64 gicr, u32 num_frames);
/* GICv3 distributor registers; the SGI frame has the first n of them. */
extern const struct vgic_reg vgicv3_regs[];
extern const unsigned int vgicv3_sgi_frame_regs;
void vgicv3_redist_init(u64 gicr, u32 num_frames, u64 gicd);
/* The ITS control frame at gits_base, trapped for the root (vits.c). */
void vits_init(u64 gits_base);
int vits_access(void *arg, struct mmio_access *acc);

#endif
