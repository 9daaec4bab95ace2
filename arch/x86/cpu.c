// SPDX-License-Identifier: GPL-2.0
/*
 * The rest of arch.h for x86: the TSC as the counter, the COM1 console,
 * parking. Cells are cell.c, kicks nmi.c; doorbells (shared-memory
 * links) are not on x86 yet.
 */
#include <arch.h>
#include <arch/svm.h>
#include <arch/x86.h>
#include <wd/config_check.h>
#include <wd/errno.h>
#include <wd/percpu.h>
#include <wd/printk.h>

#define COM1 0x3f8
#define LSR_THRE 0x20
#define PM_TIMER_HZ 3579545ull
#define PM_TIMER_MASK 0xffffffull /* 24 bits at least */

static u64 tsc_hz;

static inline void outb(u16 port, u8 v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u32 inl(u16 port)
{
	u32 v;

	asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

u64 arch_counter(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return lo | (u64)hi << 32;
}

u64 arch_counter_freq(void)
{
	return tsc_hz;
}

/* About 10 ms of the ACPI PM timer against the TSC. */
static u64 calibrate_tsc(u16 port)
{
	u32 start = inl(port), now;
	u64 t0 = arch_counter();

	do
		now = inl(port);
	while (((now - start) & PM_TIMER_MASK) < PM_TIMER_HZ / 100);
	return (arch_counter() - t0) * PM_TIMER_HZ /
	       ((now - start) & PM_TIMER_MASK);
}

/*
 * Once per enable, before any cell: the TSC rate (the config's, else
 * measured), a check that the host can use 4-level tables, the xAPIC
 * (emulated for cells: apic.c) and the RAM window (guest_mem.c). The
 * console is I/O ports.
 */
int arch_map_devices(struct paging *hyp, const struct wd_system *sys)
{
	const struct wd_platform_x86 *x = &sys->platform.x86;

	if (read_cr(4) & CR4_LA57) {
		printk("x86: 5-level paging is on: boot Linux with no5lvl\n");
		return -ENODEV;
	}
	if (x->tsc_khz)
		tsc_hz = x->tsc_khz * 1000;
	else if (x->pm_timer_port)
		tsc_hz = calibrate_tsc(x->pm_timer_port);
	printk("TSC %llu kHz\n", tsc_hz / 1000);
	if (!tsc_hz)
		return -EINVAL;
	return apic_map(hyp, sys) ?: guest_mem_map(hyp, sys);
}

void arch_console_putc(char c)
{
	unsigned int n = 0;

	while (!(inb(COM1 + 5) & LSR_THRE) && n++ < 100000)
		asm volatile("pause");
	outb(COM1, (u8)c);
}

void arch_cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

/*
 * A CPU parks with GIF clear: it polls (cell_cpu.c loops on this). A
 * parked root CPU that Linux onlines (INIT and SIPI, emulated: apic.c)
 * leaves the park here (cell.c).
 */
void arch_cpu_idle(struct percpu *pc)
{
	x86_park_sipi(pc);
	arch_cpu_relax();
}

void arch_cpu_quiesce(struct percpu *pc)
{
	(void)pc;
}

/* Shared-memory links are not on x86 yet (no cell has a doorbell). */
void arch_doorbell_ring(u32 irq)
{
	printk("x86: no doorbell %u yet (cells only)\n", irq);
}

void arch_fill_comm(struct wd_comm_region *comm)
{
	(void)comm; /* nothing x86-specific: the page stays zeroed */
}

enum fault_kind arch_reported_fault(u64 syndrome)
{
	(void)syndrome;
	return FAULT_OTHER;
}

/* No IOMMU is driven on x86 yet (Documentation/x86.md): none logs faults. */
void arch_dma_events(void)
{
}
