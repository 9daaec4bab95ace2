# The arm64 C files on a measured hot path, built -O2 (hypervisor/build.mk;
# the rest -Os): gic.c, with the doorbell's ring and the C half of the
# IRQ path. The trapped IRQ and the doorbell hypercall are assembly
# (irq_fast.S, hvc_fast.S), so -O2 elsewhere bought nothing the gates
# measure and cost 3.1 KiB of warden.bin (issue 17): the other trap
# paths (sysregs, MMIO emulation, SGIs, the vGIC) run -Os.
HV_ARCH_HOT_SRCS := gic.c
