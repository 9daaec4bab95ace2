/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL1 driver for the GIC, v2 (memory-mapped CPU interface) or v3 (system
 * registers). In a Warden cell the same code drives the virtual CPU
 * interface and Warden's filtered distributor.
 */
#ifndef INMATE_GIC_H
#define INMATE_GIC_H

#include <inmate/types.h>

#define GIC_SPURIOUS_FIRST 1020 /* INTIDs 1020..1023 are not interrupts */
#define GIC_MAX_IRQS 1020
#define GIC_PRIORITY_DEFAULT 0xa0

struct gic_ops {
	int version;
	void (*init_dist)(void);
	int (*init_cpu)(void);
	void (*enable_irq)(unsigned int intid, u8 priority);
	void (*disable_irq)(unsigned int intid);
	u32 (*ack)(void); /* raw IAR value; INTID in bits [9:0] */
	void (*eoi)(u32 iar);
	void (*send_sgi_self)(unsigned int sgi);
	void (*set_pmr)(u8 mask);
};

extern const struct gic_ops gicv2_ops;
extern const struct gic_ops gicv3_ops;

/* Detects the GIC and sets up distributor (if needed) and this CPU. */
int gic_init(void);
/* Sets up the calling CPU's interface after gic_init ran on another one. */
int gic_init_secondary(void);
int gic_version(void);
void gic_enable_irq(unsigned int intid);
/* Enables intid at the given priority (lower value: more urgent). */
void gic_enable_irq_prio(unsigned int intid, u8 priority);
/* Priority mask: only interrupts with a priority value below it arrive. */
void gic_set_pmr(u8 mask);
void gic_disable_irq(unsigned int intid);
u32 gic_ack(void);
void gic_eoi(u32 iar);
void gic_send_sgi_self(unsigned int sgi);

static inline unsigned int gic_iar_intid(u32 iar)
{
	return iar & 0x3ff;
}

#endif
