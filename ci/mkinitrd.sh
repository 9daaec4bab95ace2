#!/usr/bin/env bash
# Build out/ci/initrd.gz: busybox, warden.ko, warden.bin (as firmware),
# the CLI, the configs, the inmates and the e2e scenario scripts.
# WARDEN_EXTRA=DIR (`make run EXTRA=DIR`) also copies DIR into /extra: a
# user's own .cell and .bin files, and /extra/boot.sh, which /init runs
# before the shell when no scenario is booted (Documentation/testing.md).
#   ci/mkinitrd.sh [stock|rt|linux]
# rt: out/ci/initrd-rt.gz, the same with the warden.ko built for the
# PREEMPT_RT kernel (out/arm64-rt) and that kernel's module directory.
# linux: out/ci/initrd-linux.gz, stock plus what a Linux cell boots
# (/lib/warden/linux: the stock Image, the cell's initramfs) and the
# root's virtio console driver (ci/run-qemu.sh --linux-cell).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out
case ${1:-stock} in
stock) name=initrd kroot=$top/.cache/arm64/root ko=$out/arm64 ;;
rt) name=initrd-rt kroot=$top/.cache/arm64-rt/root ko=$out/arm64-rt ;;
linux) name=initrd-linux kroot=$top/.cache/arm64/root ko=$out/arm64 ;;
*) echo "mkinitrd: stock|rt|linux" >&2; exit 2 ;;
esac
root=$out/ci/$name
kver=$(ls "$kroot/lib/modules")
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,etc/warden/cells} \
	"$root"/lib/{firmware,warden/inmates,modules/$kver/extra} "$root/scenarios"
cp "$kroot/bin/busybox" "$root/bin/busybox"
install -m755 "$top/ci/guest/init" "$root/init"
cp "$top/ci/guest/motd" "$root/etc/motd"
cp "$top"/ci/scenarios/*.sh "$root/scenarios/"
# the board's addresses for lib.sh (configs/arm64/qemu-virt-board.h)
bash "$top/ci/mkboard.sh" >"$root/scenarios/board.sh"
copy() { # copy SRC DST, warning when a part is not built yet
	if [ -e "$1" ]; then cp "$1" "$2"; else echo "mkinitrd: note: $1 missing" >&2; fi
}
copy "$ko/warden.ko" "$root/lib/modules/$kver/extra/warden.ko"
echo "extra/warden.ko:" >"$root/lib/modules/$kver/modules.dep"
if [ "$name" != initrd-rt ]; then # warden-net: `modprobe warden-net`
	copy "$ko/warden-net.ko" "$root/lib/modules/$kver/extra/warden-net.ko"
	echo "extra/warden-net.ko:" >>"$root/lib/modules/$kver/modules.dep"
fi
copy "$out/arm64/warden.bin" "$root/lib/firmware/warden.bin"
# Test only (docs/robustness.md): insmod'ed by the robustness scenario.
mkdir -p "$root/lib/warden/test"
if [ "$name" = initrd-linux ]; then
	bash "$top/ci/mklinuxcell.sh" >/dev/null
	mkdir -p "$root/lib/warden/linux"
	cp "$top/.cache/arm64/Image" "$root/lib/warden/linux/Image"
	cp "$out/ci/linux-cell/initrd.gz" "$root/lib/warden/linux/initrd.gz"
	# the root's end of the cell's console, in load order
	n=1
	for m in virtio/virtio_pci_legacy_dev virtio/virtio_pci_modern_dev \
		virtio/virtio_pci char/virtio_console; do
		cp "$kroot/lib/modules/$kver/kernel/drivers/$m.ko" \
			"$root/lib/warden/linux/$n-$(basename "$m").ko"
		n=$((n + 1))
	done
fi
if [ "$name" != initrd-rt ]; then # built for the stock kernel only
	copy "$out/arm64/warden-hcfuzz.ko" "$root/lib/warden/test/warden-hcfuzz.ko"
	# Test only: insmod'ed by the cpustate scenario.
	copy "$out/arm64/warden-cpustate.ko" "$root/lib/warden/test/warden-cpustate.ko"
fi
copy "$out/arm64/warden" "$root/usr/sbin/warden"
copy "$out/bench/wd-busy" "$root/usr/bin/wd-busy" # a root load that yields
copy "$out/arm64/warden-shm-ping" "$root/usr/bin/warden-shm-ping"
copy "$out/arm64/warden-netperf" "$root/usr/bin/warden-netperf"
# Scenario smmu: the root's virtio PCI disk driver (in load order) and
# the DMA probe (tests/guest/dma_probe.c).
mkdir -p "$root/lib/warden/pci"
n=1
for m in virtio/virtio_pci_legacy_dev virtio/virtio_pci_modern_dev \
	virtio/virtio_pci block/virtio_blk; do
	copy "$kroot/lib/modules/$kver/kernel/drivers/$m.ko" \
		"$root/lib/warden/pci/$n-$(basename "$m").ko"
	n=$((n + 1))
done
copy "$out/arm64/wd-dma-probe" "$root/usr/bin/wd-dma-probe"
"$out/host/warden" --version >"$root/etc/warden/host-version" 2>/dev/null || true
for c in "$out"/arm64/*.cell; do
	[ -e "$c" ] || continue
	case $(basename "$c") in
	qemu-virt-*) cp "$c" "$root/etc/warden/" ;;
	*) cp "$c" "$root/etc/warden/cells/" ;;
	esac
done
for b in "$out"/arm64/inmates/*.bin; do
	[ -e "$b" ] && cp "$b" "$root/lib/warden/inmates/"
done
if [ -n "${WARDEN_EXTRA:-}" ]; then
	if [ ! -d "$WARDEN_EXTRA" ]; then
		echo "mkinitrd: WARDEN_EXTRA=$WARDEN_EXTRA is not a directory" >&2
		exit 1
	fi
	mkdir -p "$root/extra"
	cp -R "$WARDEN_EXTRA"/. "$root/extra/"
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$out/ci/$name.gz"
echo "$out/ci/$name.gz"
