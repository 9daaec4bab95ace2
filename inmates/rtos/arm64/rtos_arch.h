/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the RTOS needs of the CPU on arm64 (x86: ../x86/rtos_arch.h): a
 * job's first context, the "job done" trap, the virtual timer, the GIC.
 */
#ifndef INMATES_RTOS_ARCH_H
#define INMATES_RTOS_ARCH_H

#include <inmate/boot.h>
#include <inmate/exception.h>
#include <inmate/gic.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>

/* EL1h, SP_EL1; D, A, F masked, IRQs enabled: the state a job runs in. */
#define SPSR_JOB 0x345ul
#define RTOS_IRQCHIP "GIC"
#define CNTV_CTL_ENABLE (1u << 0)
#define CNTV_CTL_IMASK (1u << 1)

#include "../entry.h" /* rt_vectors */
#include "../stats.h"

/* f "returns" from an exception into fn(arg) on the stack above f. */
static inline void rtos_frame_init(struct exception_frame *f, void *fn,
				   void *arg)
{
	f->x[0] = (u64)(uintptr_t)arg;
	f->elr = (u64)(uintptr_t)fn;
	f->spsr = SPSR_JOB;
}

static inline void rtos_job_done_trap(void)
{
	asm volatile("svc #0" : : : "memory");
}

static inline void rtos_timer_set(u64 when)
{
	write_sysreg(cntv_cval_el0, when);
	isb();
}

static inline void rtos_timer_mask(void)
{
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE | CNTV_CTL_IMASK);
	isb();
}

static inline void rtos_timer_unmask(void)
{
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

static inline int rtos_irq_init(void)
{
	return gic_init();
}

static inline void rtos_print_irqchip(void)
{
	printf("rtos: GICv%d, statistics block at 0x%lx (%zu bytes)\n",
	       gic_version(), (unsigned long)(uintptr_t)stats_block(),
	       sizeof(struct wd_rt_stats));
}

static inline uintptr_t rtos_comm_region(void)
{
	return inmate_comm_region;
}

static inline void rtos_vectors_install(void)
{
	write_sysreg(vbar_el1, (u64)(uintptr_t)rt_vectors);
	isb();
}

static inline void rtos_timer_irq_enable(void)
{
	gic_enable_irq(PLATFORM_VTIMER_IRQ);
}

/* Called with IRQs masked: WFI still wakes on one, no lost wake-up. */
static inline void rtos_idle_masked(void)
{
	wait_for_interrupt();
}

#endif
