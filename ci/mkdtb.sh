#!/usr/bin/env bash
# Build out/ci/virt-gicvN-VIRT.dtb (the name carries QEMU_CPU, QEMU_SMP and
# QEMU_MEM when not the defaults: ci/qemu-args.sh), QEMU virt's own DT with a reserved-memory
# node (no-map) over the hypervisor and the cell pool, so Linux never uses
# that memory, and the root's shared-memory link 1 (configs/arm64/
# qemu-virt-common.h: QEMU_VIRT_LINK1_MEM, 1 MiB, doorbell INTID
# QEMU_VIRT_DOORBELL_ROOT, edge; qemu-virt-board.h) for
# warden.ko's /dev/warden-shm1 (Documentation/ivshmem.md), and link 3
# (QEMU_VIRT_LINK3_MEM, doorbell QEMU_VIRT_DOORBELL_NET_ROOT) for
# warden-net.ko's wdnet0 (Documentation/vnet.md).
# With QEMU_IOMMU=smmuv3 the SMMU node and the PCIe node's iommu-map go:
# the SMMU is Warden's (Documentation/dma.md), Linux must not drive it.
# Usage: ci/mkdtb.sh GIC [VIRT]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/ci/qemu-args.sh"
gic=$1 virt=${2:-on}
out=$top/out/ci
mkdir -p "$out"
base=$(qemu_dtb_base "$gic" "$virt")
qemu-system-aarch64 -M "$(qemu_machine "$gic" "$virt"),dumpdtb=$base.raw.dtb" \
	-cpu "$QEMU_CPU" -smp "$QEMU_SMP" -m "$QEMU_MEM" -nographic >/dev/null 2>&1
dtc -q -I dtb -O dts -o "$base.dts" "$base.raw.dtb"
python3 - "$base.dts" "$WD_RESERVED_START" "$WD_RESERVED_SIZE" \
	"$QEMU_VIRT_LINK1_MEM" "$QEMU_VIRT_LINK_SIZE" "$QEMU_VIRT_DOORBELL_ROOT" \
	"$QEMU_VIRT_LINK3_MEM" "$QEMU_VIRT_DOORBELL_NET_ROOT" <<'PY'
import re
import sys
path, start, size = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3], 16)
shm, shm_size, doorbell, net, net_doorbell = (int(a, 0) for a in sys.argv[4:9])
dts = open(path).read()
node = f"""
	reserved-memory {{
		#address-cells = <0x02>;
		#size-cells = <0x02>;
		ranges;
		warden@{start:x} {{
			reg = <0x00 {start:#x} 0x00 {size:#x}>;
			no-map;
		}};
	}};
	warden-shm@{shm:x} {{
		compatible = "warden,ivshmem";
		reg = <0x00 {shm:#x} 0x00 {shm_size:#x}>;
		interrupts = <0x00 {doorbell - 32} 0x01>;
		warden,link = <0x01>;
	}};
	warden-net@{net:x} {{
		compatible = "warden,ivshmem-net", "warden,ivshmem";
		reg = <0x00 {net:#x} 0x00 {shm_size:#x}>;
		interrupts = <0x00 {net_doorbell - 32} 0x01>;
		warden,link = <0x03>;
	}};
"""
# The SMMU is Warden's: Linux sees PCIe without an IOMMU (dma.md).
dts = re.sub(r"\n\tsmmuv3@[0-9a-f]+ \{.*?\n\t\};\n", "\n", dts, flags=re.S)
dts = re.sub(r"\n\t\tiommu-map = <[^>]*>;", "", dts)
end = dts.rindex("};")  # the root node's end: subnodes follow properties
open(path, "w").write(dts[:end] + node + dts[end:])
PY
dtc -q -I dts -O dtb -o "$base.dtb" "$base.dts"
# The no-reserved-memory variant, for the negative test. dumpdtb writes a
# 1 MiB blob the kernel will not boot from; a dtc round trip packs it.
dtc -q -I dtb -O dtb -o "$base-plain.dtb" "$base.raw.dtb"
rm -f "$base.raw.dtb"
echo "$base.dtb"
