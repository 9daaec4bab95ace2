// SPDX-License-Identifier: GPL-2.0
/*
 * EL1 virtual timer. The counter frequency comes from CNTFRQ_EL0, which
 * firmware (bare metal) or Warden (in a cell) has set.
 */
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define CNTV_CTL_ENABLE (1u << 0)
#define CNTV_CTL_IMASK (1u << 1)

u64 timer_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

/* The isb keeps the read from being hoisted above earlier instructions. */
u64 timer_now(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

/* Split at whole seconds so that ns * frequency cannot overflow 64 bits. */
u64 timer_ns_to_ticks(u64 ns)
{
	u64 freq = timer_frequency();

	return ns / NS_PER_SEC * freq + ns % NS_PER_SEC * freq / NS_PER_SEC;
}

u64 timer_ticks_to_ns(u64 ticks)
{
	u64 freq = timer_frequency();

	return ticks / freq * NS_PER_SEC + ticks % freq * NS_PER_SEC / freq;
}

void timer_arm(u64 deadline)
{
	write_sysreg(cntv_cval_el0, deadline);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

void timer_disarm(void)
{
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE | CNTV_CTL_IMASK);
	isb();
}
