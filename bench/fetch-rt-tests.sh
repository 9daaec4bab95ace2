#!/usr/bin/env bash
# Fetches Debian's arm64 cyclictest (rt-tests) and the shared libraries it
# needs into .cache/arm64/rt-tests, the way ci/setup.sh fetches the
# kernel: apt-get download + dpkg-deb -x. Never `apt-get install` an arm64
# package: that pulls gcc:arm64 and removes the native toolchain.
# Prints the directory on success; fails (and bench/ skips cyclictest)
# when the packages cannot be downloaded.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${WARDEN_CACHE:-$top/.cache}
dest=$cache/arm64/rt-tests
# cyclictest's NEEDED: librt, libpthread, libc, ld-linux (libc6) and
# libnuma (libnuma1).
pkgs="rt-tests libnuma1 libc6"
if [ -x "$dest/usr/bin/cyclictest" ]; then
	echo "$dest"
	exit 0
fi
mkdir -p "$cache/deb"
cd "$cache/deb"
for p in $pkgs; do
	ls "${p}"_*_arm64.deb >/dev/null 2>&1 && continue
	echo "fetch-rt-tests: apt-get download $p:arm64" >&2
	apt-get download -qq "$p:arm64" >&2 || {
		echo "fetch-rt-tests: cannot download $p:arm64" \
			"(run 'make setup' for the arm64 apt lists)" >&2
		exit 1
	}
done
rm -rf "$dest.tmp"
mkdir -p "$dest.tmp"
for p in $pkgs; do
	dpkg-deb -x "$(ls "${p}"_*_arm64.deb | tail -n 1)" "$dest.tmp"
done
rm -rf "$dest"
mv "$dest.tmp" "$dest"
echo "$dest"
