// SPDX-License-Identifier: GPL-2.0
/*
 * parklevel: stops its cell with a level interrupt of its CPU still
 * asserted (scenario park). The PMU's cycle-counter overflow interrupt
 * (PPI 23) is enabled in the GIC and the PMU and its overflow flag set
 * (PMOVSSET), so the line stays high; IRQs stay masked here. Then the
 * cell powers itself off (PSCI SYSTEM_OFF) and its CPU parks with the
 * line high. Started again, the cell must run again, and after its
 * destroy the root must get the CPU back: a park that took that
 * interrupt over and over never saw a power-on.
 */
#include <inmate/gic.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>

#define PPI_PMU 23
#define PMU_CYCLE_COUNTER (1u << 31)
#define PMCR_E 1u
#define PSCI_SYSTEM_OFF 0x84000008ull

void inmate_main(void)
{
	int err = gic_init();

	if (err) {
		printf("parklevel: GIC set-up failed (%d)\n", err);
		return;
	}
	printf("\nparklevel: GICv%d\n", gic_version());
	gic_enable_irq(PPI_PMU);
	write_sysreg(pmcr_el0, PMCR_E);
	write_sysreg(pmintenset_el1, PMU_CYCLE_COUNTER);
	write_sysreg(pmovsset_el0, PMU_CYCLE_COUNTER);
	printf("parklevel: PMU overflow IRQ asserted, powering off\n");
	hypercall(PSCI_SYSTEM_OFF, 0, 0, 0);
	printf("parklevel: still running after SYSTEM_OFF\n");
}
