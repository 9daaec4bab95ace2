#!/usr/bin/env bash
# The Linux cell's files (Documentation/linux-cell.md), in out/ci/linux-cell/:
#   initrd.gz  busybox, ci/linux-cell/init and the stock kernel's modules
#              for virtio-mmio, the virtio console and disk, and ext4,
#              and warden-net.ko (out/arm64: the cell's wdnet0 over link 3,
#              Documentation/vnet.md) and warden-netperf
#   disk.img   a small ext4 image for the cell's virtio disk, holding
#              hello.txt (the scenario reads it back in the cell)
# The kernel is the root's own stock Image (.cache/arm64/Image).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
kroot=$top/.cache/arm64/root
kver=$(ls "$kroot/lib/modules")
mods=$kroot/lib/modules/$kver/kernel
out=$top/out/ci/linux-cell
root=$out/initrd
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,mnt,lib/modules}
cp "$kroot/bin/busybox" "$root/bin/busybox"
install -m755 "$top/ci/linux-cell/init" "$root/init"
# In load order (init insmods them sorted by name): dependencies first.
n=10
for m in drivers/virtio/virtio_mmio drivers/char/virtio_console \
	drivers/block/virtio_blk lib/crc16 crypto/crc32c_generic \
	fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4; do
	cp "$mods/$m.ko" "$root/lib/modules/$n-$(basename "$m").ko"
	n=$((n + 1))
done
# last (init loads them sorted): the netdev over the cell's link
# (stripped: the initramfs stays under 2 MiB, which linux-cell's "not a
# DTB" case relies on)
strip=${CROSS:-aarch64-linux-gnu-}strip
[ -e "$top/out/arm64/warden-net.ko" ] &&
	$strip --strip-debug -o "$root/lib/modules/90-warden-net.ko" \
		"$top/out/arm64/warden-net.ko"
[ -e "$top/out/arm64/warden-netperf" ] &&
	$strip -o "$root/bin/warden-netperf" "$top/out/arm64/warden-netperf"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -9) >"$out/initrd.gz"
rm -rf "$out/disk"
mkdir -p "$out/disk"
echo "hello from the cell's disk" >"$out/disk/hello.txt"
rm -f "$out/disk.img"
mkfs.ext4 -q -F -d "$out/disk" -L celldisk "$out/disk.img" 4M
echo "$out"
