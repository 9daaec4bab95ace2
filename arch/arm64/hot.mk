# The arm64 C files on a measured hot path, built -O2 (hypervisor/build.mk;
# the rest -Os): none. The trapped IRQ and the doorbell hypercall are
# assembly (irq_fast.S, hvc_fast.S) up to the doorbell's table walk
# (hypervisor/, -O2); gic.c's ring, inlined there by link-time
# optimisation, counts the same built -Os (110 EL2 instructions a
# doorbell, `make bench-smoke`) and is 340 B smaller. -O2 elsewhere
# bought nothing the gates measure and cost 3.1 KiB of warden.bin
# (issue 17): the other trap paths (sysregs, MMIO emulation, SGIs, the
# vGIC) run -Os.
HV_ARCH_HOT_SRCS :=
