/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * The AArch32 inmate library (inmates/aarch32): what a 32-bit program in a
 * WD_CELL_AARCH32 cell needs from Warden and the platform. CP15 access,
 * hypercalls (HVC, r0..r3), the console through WD_HC_CONSOLE_PUTC, the
 * GIC (v2 memory-mapped, v3 through the AArch32 ICC registers) and the
 * EL1 virtual timer through CP15. Documentation/inmate-abi.md, section
 * "AArch32 cells".
 */
#ifndef A32_H
#define A32_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <warden/comm.h>

/* MRC/MCR p15, opc1, Rt, CRn, CRm, opc2 (32-bit registers). */
#define cp15_read(opc1, crn, crm, opc2)                                \
	({                                                             \
		uint32_t __v;                                          \
		asm volatile("mrc p15, " #opc1 ", %0, " #crn ", " #crm \
			     ", " #opc2                                \
			     : "=r"(__v));                             \
		__v;                                                   \
	})
#define cp15_write(opc1, crn, crm, opc2, v)                               \
	asm volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 \
		     :                                                    \
		     : "r"((uint32_t)(v))                                 \
		     : "memory")
/* MRRC/MCRR p15, opc1, Rt, Rt2, CRm (64-bit registers). */
#define cp15_read64(opc1, crm)                                      \
	({                                                          \
		uint64_t __v;                                       \
		asm volatile("mrrc p15, " #opc1 ", %Q0, %R0, " #crm \
			     : "=r"(__v));                          \
		__v;                                                \
	})
#define cp15_write64(opc1, crm, v)                          \
	asm volatile("mcrr p15, " #opc1 ", %Q0, %R0, " #crm \
		     :                                      \
		     : "r"((uint64_t)(v))                   \
		     : "memory")

#define isb() asm volatile("isb" : : : "memory")
#define dsb() asm volatile("dsb sy" : : : "memory")
#define wfi() asm volatile("wfi" : : : "memory")
#define irq_enable() asm volatile("cpsie i" : : : "memory")
#define irq_disable() asm volatile("cpsid i" : : : "memory")

static inline uint32_t mmio_read32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}

static inline void mmio_write32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

static inline void mmio_write8(uintptr_t a, uint8_t v)
{
	*(volatile uint8_t *)a = v;
}

/* Set by the start-up code: the comm region (r0 at entry). */
extern volatile struct wd_comm_region *a32_comm;
/* r0 at entry: the comm region, or 0 bare metal (bare.c). */
void a32_comm_init(uintptr_t r0);
/* Bare metal: no Warden, the library drives the board (bare.c). */
bool a32_bare(void);
void a32_bare_putc(char c);
void a32_bare_gic_cpu(uintptr_t redist);
void a32_bare_gic_enable(uintptr_t base, uint32_t intid);

/* Hypercalls: HVC #0, function in r0, arguments r1..r3, result r0. */
long a32_hvc(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3);
/* PSCI and other SMC32 calls: SMC #0, same registers. */
long a32_smc(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3);

void a32_putc(char c);
int a32_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Fails the cell through WD_HC_CELL_FAULT: syndrome 0 = undefined. */
void a32_report_fault(uint32_t syndrome, uint32_t at) __attribute__((noreturn));

/* Generic timer (CNTV through CP15). */
uint64_t a32_counter(void);
uint32_t a32_counter_freq(void);
void a32_vtimer_set(uint32_t ticks); /* fires after ticks, enables */
void a32_vtimer_stop(void);

/* GIC v2 or v3, as the comm region says. */
#define A32_VTIMER_IRQ 27
#define A32_SPURIOUS 1023
int a32_gic_init(void); /* CPU interface on, all priorities pass */
void a32_gic_enable(uint32_t intid); /* SGI/PPI of this CPU or SPI */
uint32_t a32_gic_ack(void); /* raw IAR: INTID in bits 9..0 */
void a32_gic_eoi(uint32_t iar);
void a32_gic_sgi_self(uint32_t sgi);
uint32_t a32_gic_version(void);
/* Where this CPU's SGI/PPI registers are (GICD layout from offset 0). */
uintptr_t a32_gic_ppi_base(void);

/* Called by the IRQ vector (entry.S) with IRQs masked. */
void a32_irq_handler(void);
/* The program's handler, called per acknowledged interrupt. */
void a32_irq(uint32_t intid);
/* The program: entered in SVC mode with IRQs masked. */
void a32_main(void);

#endif
