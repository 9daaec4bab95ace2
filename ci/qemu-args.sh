# Sourced by the ci scripts: one place for QEMU's machine options, so the
# DTB dumped for a GIC version matches the machine booted with it.
# Usage: qemu_machine GIC [VIRT]   (VIRT: on|off, default on)
# QEMU_IOMMU=smmuv3 (ci/run-qemu.sh --smmu) adds the SMMUv3 before PCIe.
qemu_machine() {
	echo "virt,virtualization=${2:-on},gic-version=$1,highmem=off,dtb-randomness=off${QEMU_IOMMU:+,iommu=$QEMU_IOMMU}"
}
QEMU_CPU=${QEMU_CPU:-cortex-a57}
QEMU_SMP=${QEMU_SMP:-4}
QEMU_MEM=${QEMU_MEM:-1G}
# qemu_dtb_base GIC [VIRT]: out/ci/virt-gicvN-VIRT, plus -CPU-smpN-mSIZE
# when those differ from the defaults: QEMU's DT lists the CPUs and the
# memory, so a DTB dumped for other options must not be reused.
qemu_dtb_base() {
	local key=
	[ "$QEMU_CPU/$QEMU_SMP/$QEMU_MEM" = cortex-a57/4/1G ] ||
		key="-$QEMU_CPU-smp$QEMU_SMP-m$QEMU_MEM"
	echo "$top/out/ci/virt-gicv$1-${2:-on}$key${QEMU_IOMMU:+-$QEMU_IOMMU}"
}
# The board's numbers (QEMU_VIRT_*, configs/arm64/qemu-virt-board.h)
eval "$(bash "$(dirname "${BASH_SOURCE[0]}")/mkboard.sh")"
# Hypervisor (16 MiB) + cell pool (128 MiB): a no-map node in the DT
WD_RESERVED_START=$QEMU_VIRT_RESERVED_BASE
WD_RESERVED_SIZE=$QEMU_VIRT_RESERVED_SIZE
