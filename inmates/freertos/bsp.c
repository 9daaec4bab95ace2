// SPDX-License-Identifier: GPL-2.0
/*
 * Board support for FreeRTOS's AArch64 ports in a Warden cell: checks the
 * GIC the cell was given against the one the port was built for, enables
 * the tick's interrupt (tick.c drives it), dispatches IRQs for the port's
 * FreeRTOS_IRQ_Handler, and turns FreeRTOS's fatal hooks into a cell
 * fault that Warden reports. Start-up, console and GIC set-up are the
 * inmate library's (inmates/lib).
 */
#include <inmate/boot.h>
#include <inmate/format.h>
#include <inmate/gic.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>
#include <warden/comm.h>

#include "FreeRTOS.h"
#include "task.h"
#include "bsp.h"

/* The tick's GIC priority: the port wants the lowest usable level. */
#define TICK_PRIORITY \
	(portLOWEST_USABLE_INTERRUPT_PRIORITY << portPRIORITY_SHIFT)

#ifdef FREERTOS_GICV3
#define PORT_GIC 3
#else
#define PORT_GIC 2
#endif

static u64 unexpected_irqs;

const char *bsp_port_name(void)
{
#ifdef FREERTOS_DIRECT
	return "ARM_AARCH64_SRE, direct IRQ (critical sections by DAIF)";
#endif
	return PORT_GIC == 3 ? "ARM_AARCH64_SRE" : "ARM_AARCH64";
}

/*
 * Trust: the comm page is written by Warden only (the root cannot write
 * it), so its GIC fields are the truth about the cell. The port's GIC
 * version and GICv2 addresses are compile-time constants: refuse to start
 * on anything else rather than poke at an address the cell does not own.
 */
static bool comm_gic_matches(void)
{
	const struct wd_comm_region *comm =
		(const struct wd_comm_region *)inmate_comm_region;

	if (comm->signature != WD_COMM_SIGNATURE) {
		printf("freertos: no comm region signature\n");
		return false;
	}
	if (comm->gic_version != PORT_GIC) {
		printf("freertos: built for GICv%d, the cell has GICv%u\n",
		       PORT_GIC, comm->gic_version);
		return false;
	}
	if (PORT_GIC == 2 &&
	    (comm->gicd_base != configINTERRUPT_CONTROLLER_BASE_ADDRESS ||
	     comm->gicc_base !=
		     configINTERRUPT_CONTROLLER_BASE_ADDRESS +
			     configINTERRUPT_CONTROLLER_CPU_INTERFACE_OFFSET)) {
		printf("freertos: GICD/GICC at 0x%llx/0x%llx, built for "
		       "0x%lx\n",
		       comm->gicd_base, comm->gicc_base,
		       configINTERRUPT_CONTROLLER_BASE_ADDRESS);
		return false;
	}
	return true;
}

bool bsp_init(void)
{
	if (inmate_under_warden() && !comm_gic_matches())
		return false;
	if (gic_init() != 0 || gic_version() != PORT_GIC) {
		printf("freertos: GIC set-up failed (GICv%d found)\n",
		       gic_version());
		return false;
	}
	return true;
}

/* The tick's PPI at the lowest usable priority, as the port wants. */
void bsp_enable_tick_irq(void)
{
	const struct gic_ops *ops = PORT_GIC == 3 ? &gicv3_ops : &gicv2_ops;

	ops->enable_irq(BSP_TICK_PPI, TICK_PRIORITY);
}

/* Set by freertos-demo to account execution time (demo_stats.c). */
void (*bsp_switch_hook)(void);

/* traceTASK_SWITCHED_IN: a task is about to run, after any EOI. */
void bsp_switched_in(void)
{
	bsp_tick_after_eoi();
	if (bsp_switch_hook)
		bsp_switch_hook();
}

/* Handlers of the cell's other interrupts (bsp_irq_register). */
#define BSP_MAX_HANDLERS 4
static struct {
	unsigned int intid;
	BaseType_t (*handler)(void);
} handlers[BSP_MAX_HANDLERS];

/*
 * Enables `intid` at `priority` (a GIC priority value) and calls handler
 * from the IRQ; a handler returns whether it woke a higher priority task.
 */
bool bsp_irq_register(unsigned int intid, u8 priority,
		      BaseType_t (*handler)(void))
{
	const struct gic_ops *ops = PORT_GIC == 3 ? &gicv3_ops : &gicv2_ops;

	for (unsigned int i = 0; i < BSP_MAX_HANDLERS; i++) {
		if (handlers[i].handler)
			continue;
		handlers[i].intid = intid;
		handlers[i].handler = handler;
		ops->enable_irq(intid, priority);
		return true;
	}
	return false;
}

static bool dispatch(unsigned int intid)
{
	for (unsigned int i = 0; i < BSP_MAX_HANDLERS; i++) {
		if (handlers[i].handler && handlers[i].intid == intid) {
			portYIELD_FROM_ISR(handlers[i].handler());
			return true;
		}
	}
	return false;
}

/* Called by the port's FreeRTOS_IRQ_Handler with the raw IAR value. */
void vApplicationIRQHandler(uint32_t iar)
{
	unsigned int intid = gic_iar_intid(iar);

	if (intid == BSP_TICK_PPI) {
		bsp_tick_entered();
		FreeRTOS_Tick_Handler();
	} else if (intid < GIC_SPURIOUS_FIRST && !dispatch(intid)) {
		/* Nobody asked for it: keep it from coming back. */
		unexpected_irqs++;
		gic_disable_irq(intid);
	}
}

/* A broken kernel invariant is the cell's failure: make Warden see it. */
static void __noreturn bsp_fail(const char *why, const char *what, int line)
{
	portDISABLE_INTERRUPTS();
	printf("freertos: FATAL %s %s:%d\n", why, what, line);
	if (inmate_under_warden())
		hypercall(WD_HC_CELL_FAULT, 0, 0, 0);
	inmate_halt();
}

void bsp_assert_failed(const char *file, int line)
{
	bsp_fail("assertion failed at", file, line);
}

/* A demo's assertion: its own test failed; report, let the check see it. */
void bsp_demo_assert_failed(const char *file, int line)
{
	printf("freertos: demo assertion failed at %s:%d\n", file, line);
}

void vApplicationMallocFailedHook(void)
{
	bsp_fail("heap exhausted", "", 0);
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
	(void)task;
	bsp_fail("stack overflow in task", name, 0);
}

/* The demos' only libc call the inmate library lacks. */
struct sprintf_buf {
	char *p;
};

static void sprintf_sink(char c, void *ctx)
{
	struct sprintf_buf *b = ctx;

	*b->p++ = c;
}

int sprintf(char *buf, const char *fmt, ...)
{
	struct sprintf_buf b = {buf};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = format_va(sprintf_sink, &b, fmt, ap);
	va_end(ap);
	*b.p = '\0';
	return n;
}
