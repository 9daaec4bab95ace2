// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * chibios-test: ChibiOS/RT's own RT and OS-library test suites (test/rt,
 * test/oslib, unchanged) in a Warden AArch32 cell. The suites print their
 * own report lines ("--- Test Case", "--- Result: SUCCESS", "Final
 * result: ..."): the chibios scenario counts those.
 * With CHIBIOS_FAULT (chibios-fault): instead of the suites, a thread
 * writes outside the cell's memory, which must fail this cell alone.
 * With CHIBIOS_IDLE (chibios-idle): the kernel alone; every 10 s main
 * reports the tick's delivery latency so far (bsp.c; make bench).
 */
#include <inmate/tick_latency.h>

#include "bsp.h"
#include "ch_test.h"
#include "oslib_test_root.h"
#include "rt_test_root.h"

#define OUTSIDE 0x60000000u

#ifdef CHIBIOS_FAULT
static THD_WORKING_AREA(wa_fault, 512);

static THD_FUNCTION(fault_thread, arg)
{
	(void)arg;
	chThdSleepMilliseconds(100);
	a32_printf("chibios: fault thread writes 0x%x\n", OUTSIDE);
	mmio_write32(OUTSIDE, 1);
	a32_printf("chibios: still running after the fault\n");
}
#endif

#ifdef CHIBIOS_IDLE
#define LATENCY_REPORT_S 10

static void __attribute__((noreturn)) report_latency(void)
{
	struct tick_latency l;

	for (unsigned int s = LATENCY_REPORT_S;; s += LATENCY_REPORT_S) {
		chThdSleepSeconds(LATENCY_REPORT_S);
		tick_latency_summary(&l);
		a32_printf("chibios: t=%us tick latency n=%llu min=%llu "
			   "mode=%llu p99=%llu max=%llu (ticks of %u Hz)\n",
			   s, l.n, l.min, l.mode, l.p99, l.max,
			   (unsigned int)a32_counter_freq());
	}
}
#endif

int main(void)
{
	bool rt_fail, oslib_fail;

	a32_printf("chibios: ChibiOS/RT %s, port %s, %s, GICv%u\n",
		   CH_KERNEL_VERSION, PORT_ARCHITECTURE_NAME, PORT_INFO,
		   (unsigned int)a32_gic_version());
	if (bsp_init()) {
		a32_printf("chibios: no GIC redistributor for this CPU\n");
		return 1;
	}
	chSysInit();
#ifdef CHIBIOS_IDLE
	(void)rt_fail, (void)oslib_fail;
	report_latency();
#elif defined(CHIBIOS_FAULT)
	(void)rt_fail, (void)oslib_fail;
	chThdCreateStatic(wa_fault, sizeof(wa_fault), NORMALPRIO + 1,
			  fault_thread, NULL);
#else
	rt_fail = test_execute_putchar(bsp_putchar, &rt_test_suite);
	oslib_fail = test_execute_putchar(bsp_putchar, &oslib_test_suite);
	a32_printf("chibios: suites done: rt %s, oslib %s\n",
		   rt_fail ? "FAILURE" : "SUCCESS",
		   oslib_fail ? "FAILURE" : "SUCCESS");
#endif
	for (;;)
		chThdSleepMilliseconds(1000);
}
