#!/usr/bin/env bash
# make setup, x86 part (called by ci/setup.sh): Debian's stock amd64 kernel,
# its headers and busybox-static, downloaded and unpacked into .cache/x86
# (never apt-get installed: the image would replace the machine's kernel).
# The headers build warden.ko natively (driver/build.mk, ARCH=x86).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${WARDEN_CACHE:-$top/.cache}
dir=$cache/x86
say() { echo "setup: $*"; }
if [ -f "$dir/ABI" ] && [ -e "$dir/ok" ]; then
	say "x86 kernel $(cat "$dir/ABI") cached in $dir"
	exit 0
fi
# The same ABI as the arm64 kernel: its linux-headers-ABI-common and
# linux-kbuild are already installed natively by ci/setup.sh.
abi=$(cat "$cache/arm64/ABI")
mkdir -p "$dir/deb"
(cd "$dir/deb" && for p in "linux-image-$abi-amd64-unsigned" \
	"linux-headers-$abi-amd64" busybox-static; do
	ls "${p}"_*_amd64.deb >/dev/null 2>&1 && continue
	say "apt-get download $p"
	apt-get download -qq "$p"
done)
rm -rf "$dir/root"
mkdir -p "$dir/root"
for d in "$dir"/deb/*.deb; do
	say "unpacking $(basename "$d")"
	dpkg-deb -x "$d" "$dir/root"
done
kbuild=$(echo "$abi" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
mkdir -p "$dir/root/usr/lib"
ln -sfn /usr/lib/linux-kbuild-$kbuild "$dir/root/usr/lib/linux-kbuild-$kbuild"
ln -sfn "root/boot/vmlinuz-$abi-amd64" "$dir/bzImage"
ln -sfn "root/usr/src/linux-headers-$abi-amd64" "$dir/kdir"
echo "$abi" >"$dir/ABI"
touch "$dir/ok"
say "done: x86 kernel $dir/bzImage, headers $dir/kdir"
