/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the RTOS needs of the CPU on x86 (arm64: ../arm64/rtos_arch.h): a
 * job's first context, the "job done" trap (INT 0x80), the APIC timer
 * against TSC deadlines, the IDT gates of switch.S.
 */
#ifndef INMATES_RTOS_ARCH_H
#define INMATES_RTOS_ARCH_H

#include <inmate/boot.h>
#include <inmate/exception.h>
#include <inmate/lapic.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>
#include <inmate/x86.h>

#include "../stats.h"

#define RTOS_IRQCHIP "APIC"
#define RTOS_SVC_VECTOR 0x80
#define RFLAGS_JOB 0x202ul /* IF set: jobs run with interrupts on */

/* switch.S: the timer's and the job-done trap's entries. */
void rt_irq_entry(void);
void rt_svc_entry(void);

/* f "returns" by IRETQ into fn(arg) on the stack f lies at the top of:
 * RSP as just after a call (the ABI's 16-byte alignment minus 8). */
static inline void rtos_frame_init(struct exception_frame *f, void *fn,
				   void *arg)
{
	f->rdi = (u64)(uintptr_t)arg;
	f->rip = (u64)(uintptr_t)fn;
	f->cs = GDT_CODE64;
	f->rflags = RFLAGS_JOB;
	f->rsp = (((u64)(uintptr_t)(f + 1)) & ~15ull) - 8;
	f->ss = GDT_DATA;
}

static inline void rtos_job_done_trap(void)
{
	asm volatile("int $0x80" : : : "memory");
}

static inline void rtos_timer_set(u64 when)
{
	timer_arm(when);
}

/* The masking is a GICv2 work-around (events.c): an APIC has no need. */
static inline void rtos_timer_mask(void)
{
}

static inline void rtos_timer_unmask(void)
{
}

static inline int rtos_irq_init(void)
{
	return lapic_init();
}

static inline void rtos_print_irqchip(void)
{
	printf("rtos: xAPIC id %u, statistics block at 0x%lx (%zu bytes)\n",
	       lapic_id(), (unsigned long)(uintptr_t)stats_block(),
	       sizeof(struct wd_rt_stats));
}

/* The x86 boot state names no comm region: the block stays in .bss. */
static inline uintptr_t rtos_comm_region(void)
{
	return 0;
}

static inline void rtos_vectors_install(void)
{
	idt_set_gate(PLATFORM_TIMER_VECTOR, (uintptr_t)rt_irq_entry);
	idt_set_gate(RTOS_SVC_VECTOR, (uintptr_t)rt_svc_entry);
}

/* timer_arm unmasks the APIC timer's LVT. */
static inline void rtos_timer_irq_enable(void)
{
}

/* Called with IRQs masked: STI's shadow covers the HLT, so an IRQ
 * pending since the check wakes it at once. */
static inline void rtos_idle_masked(void)
{
	irq_enable_and_wait();
}

#endif
