#!/usr/bin/env bash
# make setup: idempotent. Installs the Debian packages Warden's build and
# tests need (only those missing) and fetches the stock arm64 kernel, its
# headers and busybox WITHOUT apt-get installing arm64 packages: that would
# pull gcc:arm64 and remove the native toolchain (see Documentation/setup.md).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${WARDEN_CACHE:-$top/.cache}
mkdir -p "$cache/deb" "$cache/arm64"

say() { echo "setup: $*"; }
SUDO=
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		SUDO=sudo
	else
		echo "setup: error: must run as root or with password-less sudo" >&2
		echo "setup: (missing packages cannot be installed otherwise)" >&2
		exit 1
	fi
fi

native="qemu-system-arm qemu-system-x86 gcc-aarch64-linux-gnu
binutils-aarch64-linux-gnu libc6-dev-arm64-cross device-tree-compiler cpio libcmocka-dev
clang-format make gcc python3 cloc bc gnuplot-nox
clang clang-14 libclang-rt-14-dev"
missing=()
for p in $native; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
updated=0
apt_update() {
	[ $updated = 1 ] && return
	say "apt-get update"
	$SUDO apt-get update -qq
	updated=1
}
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	say "dpkg --add-architecture arm64 (for apt-get download only)"
	$SUDO dpkg --add-architecture arm64
	updated=0
	apt_update
fi
if [ ${#missing[@]} -gt 0 ]; then
	apt_update
	say "installing ${missing[*]}"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "${missing[@]}"
else
	say "native packages present"
fi

# Kernel ABI: the newest linux-image-6.1.0-NN-arm64-unsigned apt knows of.
abi_of() {
	apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-arm64-unsigned$' |
		sed -n 's/^linux-image-\(6\.1\.0-[0-9]*\)-arm64-unsigned.*/\1/p' |
		sort -V | tail -n1
}
if [ -f "$cache/arm64/ABI" ] && [ -e "$cache/arm64/ok" ]; then
	abi=$(cat "$cache/arm64/ABI")
	say "arm64 kernel $abi cached in $cache/arm64"
else
	abi=$(abi_of)
	if [ -z "$abi" ]; then
		apt_update
		abi=$(abi_of)
	fi
	[ -n "$abi" ] || { echo "setup: error: no linux-image-6.1.0-*-arm64-unsigned in apt" >&2; exit 1; }
	say "arm64 kernel ABI $abi"
	kbuild=$(echo "$abi" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
	for p in linux-kbuild-$kbuild linux-headers-$abi-common; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
			apt_update
			say "installing native $p"
			$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p"
		fi
	done
	cd "$cache/deb"
	for p in linux-image-$abi-arm64-unsigned:arm64 linux-headers-$abi-arm64:arm64 busybox-static:arm64; do
		name=${p%%:*}
		if ! ls "${name}"_*_arm64.deb >/dev/null 2>&1; then
			say "apt-get download $p"
			apt-get download -qq "$p" || { apt_update; apt-get download -qq "$p"; }
		fi
	done
	rm -rf "$cache/arm64/root"
	mkdir -p "$cache/arm64/root"
	for d in linux-image-$abi-arm64-unsigned_*_arm64.deb linux-headers-$abi-arm64_*_arm64.deb busybox-static_*_arm64.deb; do
		say "unpacking $d"
		dpkg-deb -x "$d" "$cache/arm64/root"
	done
	# The headers' scripts link is relative to /usr/lib: point it at the
	# native kbuild package.
	ln -sfn /usr/lib/linux-kbuild-$kbuild "$cache/arm64/root/usr/lib/linux-kbuild-$kbuild"
	echo "$abi" >"$cache/arm64/ABI"
	touch "$cache/arm64/ok"
fi
ln -sfn "root/boot/vmlinuz-$abi-arm64" "$cache/arm64/Image"
ln -sfn "root/usr/src/linux-headers-$abi-arm64" "$cache/arm64/kdir"
say "done: kernel $cache/arm64/Image, headers $cache/arm64/kdir"
