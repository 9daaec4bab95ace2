# Sourced by the ci scripts: one place for QEMU's machine options, so the
# DTB dumped for a GIC version matches the machine booted with it.
# Usage: qemu_machine GIC [VIRT]   (VIRT: on|off, default on)
qemu_machine() {
	echo "virt,virtualization=${2:-on},gic-version=$1,highmem=off,dtb-randomness=off"
}
QEMU_CPU=${QEMU_CPU:-cortex-a57}
QEMU_SMP=${QEMU_SMP:-4}
QEMU_MEM=${QEMU_MEM:-1G}
# Hypervisor (16 MiB) + cell pool (128 MiB), as configs/arm64/qemu-virt-common.h
WD_RESERVED_START=0x77000000
WD_RESERVED_SIZE=0x09000000
