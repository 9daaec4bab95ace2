# Sourced by the ci scripts: one place for QEMU's machine options, so the
# DTB dumped for a GIC version matches the machine booted with it.
# Usage: qemu_machine GIC [VIRT]   (VIRT: on|off, default on)
qemu_machine() {
	echo "virt,virtualization=${2:-on},gic-version=$1,highmem=off,dtb-randomness=off"
}
QEMU_CPU=${QEMU_CPU:-cortex-a57}
QEMU_SMP=${QEMU_SMP:-4}
QEMU_MEM=${QEMU_MEM:-1G}
# The board's numbers (QEMU_VIRT_*, configs/arm64/qemu-virt-board.h)
eval "$(bash "$(dirname "${BASH_SOURCE[0]}")/mkboard.sh")"
# Hypervisor (16 MiB) + cell pool (128 MiB): a no-map node in the DT
WD_RESERVED_START=$QEMU_VIRT_RESERVED_BASE
WD_RESERVED_SIZE=$QEMU_VIRT_RESERVED_SIZE
