/* SPDX-License-Identifier: GPL-2.0 */
/* Distributor registers common to GICv2 and GICv3 (library-internal). */
#ifndef INMATE_GIC_REGS_H
#define INMATE_GIC_REGS_H

#include <inmate/mmio.h>

#define GICD_CTLR 0x0000
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR 0x0800 /* v2 */
#define GICD_SGIR 0x0f00 /* v2 */
#define GICD_IROUTER 0x6000 /* v3, 64 bits per INTID */
#define GICD_PIDR2 0xffe8

/* One bit per INTID: the 32-bit register and the bit for intid. */
static inline uintptr_t gic_bit_reg(uintptr_t base, unsigned int intid)
{
	return base + (intid / 32) * 4;
}

static inline u32 gic_bit(unsigned int intid)
{
	return 1u << (intid % 32);
}

/*
 * One byte per INTID (priorities, v2 targets), changed through a 32-bit
 * read-modify-write: simpler for Warden to emulate than byte accesses.
 */
static inline void gic_write_byte_field(uintptr_t base, unsigned int intid,
					u8 value)
{
	uintptr_t reg = base + (intid & ~3u);
	unsigned int shift = (intid % 4) * 8;
	u32 word = mmio_read32(reg);

	word &= ~(0xffu << shift);
	mmio_write32(reg, word | ((u32)value << shift));
}

#endif
