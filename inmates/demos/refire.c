// SPDX-License-Identifier: GPL-2.0
/*
 * refire: a level timer interrupt whose line is high again at its EOI
 * must be taken again at once (scenario refire). Every other virtual
 * timer IRQ re-arms the timer with a deadline that has already passed
 * before it returns (and so before its EOI); the next IRQ is then due
 * immediately. The delay from that re-arm to the IRQ's entry is the
 * sample. QEMU 7.2's GICv2 model signals such an IRQ only at the next
 * change of some other GIC input or register (see arch/arm64/gicv2.c):
 * in a cell whose second CPU is parked, that used to be the root's next
 * timer, tens of milliseconds later. Run in cell `race` (CPUs 2 and 3):
 * CPU 3 stays parked. Prints the worst delay of each window of
 * REFIRE_WINDOW samples.
 */
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/platform.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#define REFIRE_WINDOW 200

static u64 period;
static u64 rearmed_at;
static bool refire_due; /* the next IRQ is the re-fire */
static volatile u64 samples, worst;

static void on_timer(unsigned int intid, u64 entry_ticks)
{
	(void)intid;
	if (refire_due) {
		if (entry_ticks - rearmed_at > worst)
			worst = entry_ticks - rearmed_at;
		samples++;
		timer_arm(timer_now() + period);
	} else {
		/* Due now: the line rises while this IRQ is still active. */
		rearmed_at = timer_now();
		timer_arm(rearmed_at);
	}
	refire_due = !refire_due;
}

void inmate_main(void)
{
	int err = gic_init();

	if (!err)
		err = irq_request(PLATFORM_VTIMER_IRQ, on_timer);
	if (err) {
		printf("refire: GIC/IRQ set-up failed (%d)\n", err);
		return;
	}
	printf("\nrefire: GICv%d, timer re-armed expired before its EOI\n",
	       gic_version());
	period = timer_frequency() / 1000;
	timer_arm(timer_now() + period);
	irq_enable();
	for (unsigned int window = 1;; window++) {
		while (samples < REFIRE_WINDOW)
			wait_for_interrupt();
		irq_disable();
		printf("refire: window %u: %lu re-fires, worst %lu us\n",
		       window, samples, timer_ticks_to_ns(worst) / 1000);
		samples = 0;
		worst = 0;
		irq_enable();
	}
}
