#!/usr/bin/env bash
# Builds $BENCH_OUT/initrd.gz (out/bench/ unless set): the e2e test
# image (ci/mkinitrd.sh) plus what the benchmark's guest side needs:
#   /scenarios/bench.sh          bench/guest/bench.sh (+ bench-lcell.sh)
#   /usr/bin/wd-busy             the root's load for case (c)
#   /lib/warden/bench/latency-{b,c,c2,d,d1,e,e1}.bin   the inmate, parameters set
#   /lib/warden/bench/latency-{b,c,c2,d,d1,e,e1}.samples   its number of samples
#   /usr/bin/cyclictest + libs   when bench/fetch-rt-tests.sh got them
# Usage: bench/mkinitrd.sh SAMPLES NOYIELD_SAMPLES (the latter for c2)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
samples=$1 noyield_samples=$2
out=$BENCH_OUT
mkdir -p "$out"
root=$out/initrd
bash "$top/ci/mkinitrd.sh" >/dev/null
rm -rf "$root"
cp -a "$top/out/ci/initrd" "$root"
cp "$top/bench/guest/bench.sh" "$root/scenarios/bench.sh"
cp "$top/bench/guest/lcell.sh" "$root/scenarios/bench-lcell.sh"
install -m755 "$top/out/bench/wd-busy" "$root/usr/bin/wd-busy"
mkdir -p "$root/lib/warden/bench"
# In a cell: 500 ms for the root to go quiet after `cell start`, and 3 s
# after the last sample for bench.sh to start reading the console (it
# sleeps through the measurement so that an idle root is idle).
cell_image() { # CASE RUN_ID SAMPLES
	bench_patch "$top/out/arm64/inmates/latency.bin" \
		"$root/lib/warden/bench/latency-$1.bin" samples="$3" \
		busy_cpus=0 flags=0 run_id="$2" settle_ms=500 report_delay_ms=3000
	echo "$3" >"$root/lib/warden/bench/latency-$1.samples"
}
cell_image b 2 "$samples"
cell_image c 3 "$samples"
cell_image c2 4 "$noyield_samples"
cell_image d 5 "$samples"
cell_image d1 6 "$samples"
cell_image e 7 "$samples" # e, e1: the boot of bench/lcell.sh
cell_image e1 8 "$samples"

# cyclictest is dynamically linked: its interpreter and NEEDED libraries
# (readelf -d) go where Debian's ld.so looks for them.
if rt=$(bash "$top/bench/fetch-rt-tests.sh" 2>/dev/null); then
	multi=lib/aarch64-linux-gnu
	mkdir -p "$root/$multi" "$root/usr/$multi"
	install -m755 "$rt/usr/bin/cyclictest" "$root/usr/bin/cyclictest"
	for l in ld-linux-aarch64.so.1 libc.so.6 librt.so.1 libpthread.so.0; do
		cp -L "$rt/$multi/$l" "$root/$multi/$l"
	done
	ln -sf aarch64-linux-gnu/ld-linux-aarch64.so.1 "$root/lib/ld-linux-aarch64.so.1"
	cp -L "$rt/usr/$multi/libnuma.so.1" "$root/usr/$multi/libnuma.so.1"
else
	echo "bench/mkinitrd: no rt-tests: cyclictest is skipped" >&2
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) \
	>"$out/initrd.gz"
echo "$out/initrd.gz"
