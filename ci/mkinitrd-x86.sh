#!/usr/bin/env bash
# Build out/ci/initrd-x86.gz, the x86 test image: busybox (amd64), the
# warden.ko built for the stock amd64 kernel, out/x86/warden.bin as
# firmware, the static x86 CLI, the x86 configs and the scenario scripts.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out
kroot=$top/.cache/x86/root
root=$out/ci/initrd-x86
kver=$(ls "$kroot/lib/modules")
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,etc/warden} \
	"$root"/lib/{firmware,modules/$kver/extra} "$root/scenarios"
cp "$kroot/bin/busybox" "$root/bin/busybox"
install -m755 "$top/ci/guest/init" "$root/init"
cp "$top/ci/guest/motd" "$root/etc/motd"
cp "$top"/ci/scenarios/*.sh "$root/scenarios/"
. "$top/ci/qemu-x86-args.sh"
{
	echo "QEMU_X86_HV_BASE=$QEMU_X86_HV_BASE"
	echo "QEMU_X86_HV_SIZE=$QEMU_X86_HV_SIZE"
	echo "QEMU_X86_POOL_BASE=$QEMU_X86_POOL_BASE"
	echo "QEMU_X86_POOL_SIZE=$QEMU_X86_POOL_SIZE"
} >"$root/scenarios/board.sh"
copy() { # copy SRC DST, warning when a part is not built yet
	if [ -e "$1" ]; then cp "$1" "$2"; else echo "mkinitrd-x86: note: $1 missing" >&2; fi
}
copy "$out/x86/warden.ko" "$root/lib/modules/$kver/extra/warden.ko"
echo "extra/warden.ko:" >"$root/lib/modules/$kver/modules.dep"
copy "$out/x86/warden.bin" "$root/lib/firmware/warden.bin"
copy "$out/x86/warden" "$root/usr/sbin/warden"
copy "$out/x86/wd-x86-attack" "$root/usr/bin/wd-x86-attack"
"$out/host/warden" --version >"$root/etc/warden/host-version" 2>/dev/null || true
for c in "$out"/x86/*.cell; do
	[ -e "$c" ] && cp "$c" "$root/etc/warden/"
done
mkdir -p "$root/lib/warden/inmates"
for b in "$out"/x86/inmates/*.bin; do
	[ -e "$b" ] && cp "$b" "$root/lib/warden/inmates/"
done
# Negative tests: an arm64 config (wrong arch), KVM to take SVM first
# (x86-kvm: insmod in this order).
copy "$out/arm64/qemu-virt-gicv3.cell" "$root/etc/warden/other-arch.cell"
mkdir -p "$root/lib/warden/test"
copy "$out/x86/warden-fault.bin" "$root/lib/warden/test/warden-fault.bin"
n=1
for m in virt/lib/irqbypass arch/x86/kvm/kvm drivers/crypto/ccp/ccp \
	arch/x86/kvm/kvm-amd; do
	cp "$kroot/lib/modules/$kver/kernel/$m.ko" \
		"$root/lib/warden/test/$n-$(basename "$m").ko"
	n=$((n + 1))
done
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$out/ci/initrd-x86.gz"
echo "$out/ci/initrd-x86.gz"
