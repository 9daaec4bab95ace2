# The arm64 files on a trap or IRQ path, built -O2 (hypervisor/build.mk;
# the rest -Os): the exception and IRQ entry (traps.c), the GIC drivers,
# the virtual distributor and redistributors, injection, MMIO emulation,
# the doorbell (gic.c, hvc_fast.S) and the UART. Not here, run rarely: enable, cell create
# and destroy with the GIC ownership changes, PSCI, SMCCC and PMU traps,
# cache maintenance.
HV_ARCH_HOT_SRCS := traps.c gic.c gicv2.c gicv3.c vgic.c vgicv2.c vgicv3.c \
	vgicv3_redist.c inject.c mmio_abort.c uart_pl011.c
