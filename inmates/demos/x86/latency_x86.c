// SPDX-License-Identifier: GPL-2.0
/*
 * The latency inmate's x86 part (../latency.h): the xAPIC and its timer
 * at PLATFORM_TIMER_VECTOR; power-off by QEMU's isa-debug-exit. Busy
 * loops on other CPUs are not offered on x86 yet (they need the APs
 * started by INIT/SIPI through a real-mode trampoline).
 */
#include <inmate/boot.h>
#include <inmate/lapic.h>
#include <inmate/platform.h>
#include <inmate/timer.h>

#include "../latency.h"

/* HLT has no "wake on a pending masked IRQ" as WFI has: an IRQ that
 * lands between a wait loop's check and its HLT is taken before the
 * HLT, which then sleeps until the next one. So an idle timer keeps
 * firing at this distance: the wait loop re-checks, late by that much. */
#define IDLE_WAKE_NS 10000000ull

int latency_arch_init(irq_handler on_timer)
{
	int err = lapic_init();

	if (!err)
		err = irq_request(PLATFORM_TIMER_VECTOR, on_timer);
	return err;
}

const char *latency_arch_irqchip(void)
{
	return "apic=xapic";
}

void latency_arch_timer_idle(void)
{
	timer_arm(timer_now() + timer_ns_to_ticks(IDLE_WAKE_NS));
}

/* No sibling CPUs bare metal: the boot CPU measures. */
unsigned int latency_arch_cpu(void)
{
	return 0;
}

void latency_arch_start_busy(unsigned int count, u32 flags, u64 tick_period,
			     u32 tick_work)
{
	(void)flags;
	(void)tick_period;
	(void)tick_work;
	if (count)
		latency_report("LAT note busy loops are not offered on x86\n");
}

/* Never called: every timer IRQ is the measuring CPU's. */
void latency_arch_on_tick(void)
{
}

int latency_arch_hand_over(unsigned int cpu, u32 flags, void (*run)(int err))
{
	(void)cpu;
	(void)flags;
	(void)run;
	return -1; /* the boot CPU measures */
}

void latency_arch_stop_busy(void)
{
}

void latency_arch_print_busy(void)
{
}

void latency_arch_power_off(void)
{
	if (!inmate_under_warden())
		inmate_poweroff();
}
