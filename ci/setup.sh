#!/usr/bin/env bash
# make setup: idempotent. Installs the Debian packages Warden's build and
# tests need (only those missing) and fetches the stock arm64 kernel and the
# PREEMPT_RT one (Debian's rt-arm64 flavour), their
# headers and busybox WITHOUT apt-get installing arm64 packages: that would
# pull gcc:arm64 and remove the native toolchain (see Documentation/setup.md).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${WARDEN_CACHE:-$top/.cache}
mkdir -p "$cache/deb" "$cache/arm64" "$cache/arm64-rt"

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
clang-format make gcc python3 cloc bc gnuplot-nox e2fsprogs
clang clang-14 libclang-rt-14-dev
gcc-arm-none-eabi libnewlib-arm-none-eabi"
missing=()
# config create (libfdt), the uboot scenario (U-Boot, mkimage, mkenvimage)
native="$native libfdt-dev u-boot-qemu u-boot-tools"
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

# fetch_kernel FLAVOUR DIR: the newest linux-image-6.1.0-NN-FLAVOUR-unsigned
# apt knows of (FLAVOUR arm64: stock; rt-arm64: PREEMPT_RT), its headers
# (and busybox) unpacked into DIR/root, DIR/Image and DIR/kdir linked.
abi_of() {
	apt-cache search --names-only "^linux-image-6\.1\.0-[0-9]+-$1-unsigned\$" |
		sed -n "s/^linux-image-\(6\.1\.0-[0-9]*\)-$1-unsigned.*/\1/p" |
		sort -V | tail -n1
}
install_native() { # PKG...: the arch-all/native ones the headers need
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" && continue
		apt_update
		say "installing native $p"
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p"
	done
}
download() { # PKG:arm64...: into $cache/deb, once
	(cd "$cache/deb" && for p in "$@"; do
		ls "${p%%:*}"_*_arm64.deb >/dev/null 2>&1 && continue
		say "apt-get download $p"
		apt-get download -qq "$p" || { apt_update; apt-get download -qq "$p"; }
	done)
}
fetch_kernel() {
	local flavour=$1 dir=$2 abi kbuild common= cached=0
	if [ -f "$dir/ABI" ] && [ -e "$dir/ok" ]; then
		cached=1
		abi=$(cat "$dir/ABI")
		say "$flavour kernel $abi cached in $dir"
	else
		abi=$(abi_of "$flavour")
		[ -n "$abi" ] || { apt_update; abi=$(abi_of "$flavour"); }
		[ -n "$abi" ] || { echo "setup: error: no linux-image-6.1.0-*-$flavour-unsigned in apt" >&2; exit 1; }
		say "$flavour kernel ABI $abi"
	fi
	# Native, also when the cache is shared: the headers include them.
	kbuild=$(echo "$abi" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
	[ "$flavour" = rt-arm64 ] && common=-rt
	install_native "linux-kbuild-$kbuild" "linux-headers-$abi-common$common"
	if [ $cached = 0 ]; then
		download "linux-image-$abi-$flavour-unsigned:arm64" \
			"linux-headers-$abi-$flavour:arm64" busybox-static:arm64
		rm -rf "$dir/root"
		mkdir -p "$dir/root"
		for d in "$cache"/deb/linux-image-"$abi-$flavour"-unsigned_*_arm64.deb \
			"$cache"/deb/linux-headers-"$abi-$flavour"_*_arm64.deb \
			"$cache"/deb/busybox-static_*_arm64.deb; do
			say "unpacking $(basename "$d")"
			dpkg-deb -x "$d" "$dir/root"
		done
		# The headers' scripts link is relative to /usr/lib: point it
		# at the native kbuild package.
		ln -sfn /usr/lib/linux-kbuild-$kbuild "$dir/root/usr/lib/linux-kbuild-$kbuild"
		echo "$abi" >"$dir/ABI"
		touch "$dir/ok"
	fi
	ln -sfn "root/boot/vmlinuz-$abi-$flavour" "$dir/Image"
	ln -sfn "root/usr/src/linux-headers-$abi-$flavour" "$dir/kdir"
	say "done: $flavour kernel $dir/Image, headers $dir/kdir"
}
# libfdt for the static arm64 CLI (warden cell linux): the arm64 package
# unpacked, never installed (tools/build.mk's LIBFDT_ARM64).
if [ ! -e "$cache/libfdt-arm64/root/usr/lib/aarch64-linux-gnu/libfdt.a" ]; then
	download libfdt-dev:arm64
	mkdir -p "$cache/libfdt-arm64"
	dpkg-deb -x "$cache"/deb/libfdt-dev_*_arm64.deb "$cache/libfdt-arm64/root"
	say "libfdt for arm64 in $cache/libfdt-arm64"
fi
fetch_kernel arm64 "$cache/arm64"
fetch_kernel rt-arm64 "$cache/arm64-rt"
bash "$top/ci/setup-x86.sh"
