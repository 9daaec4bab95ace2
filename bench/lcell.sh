#!/usr/bin/env bash
# make bench, cases (e) and (e'): the latency inmate in the demo cell
# (CPU 3) beside a Linux cell (cells/arm64/linux.c, CPUs 1-2) that runs
# wd-busy on both its CPUs; the root (CPU 0) idle. (e) in the trapping
# demo.cell, (e') in demo-direct.cell (GICv3 only). One root boot per GIC
# with the Linux cell's devices (as ci/run-qemu.sh --linux-cell) and its
# own image: the bench image (bench/mkinitrd.sh) plus /lib/warden/linux
# (the stock Image, the cell's initramfs with wd-busy and wd-load).
# Then bench/lcell_report.py writes docs/bench/latency-linux-cell.md
# beside (b), (c), (d), (d') of the same run when they are in the logs.
# Run by bench/run.sh; alone: bash bench/lcell.sh (same environment).
# BENCH_LCELL_REF: cases of bench/guest/bench.sh to run first in the same
# boot, e.g. "b c d d1" when run alone, so that the page compares with
# the same build (d, d1 on GICv3 only). BENCH_LCELL_TIMEOUT: the boot's
# limit in seconds (1500: the loaded cell makes virtual time slow).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
gics=${BENCH_GICS:-2 3}
logs=$BENCH_TOP/out/bench/logs
docs=$BENCH_TOP/docs/bench
out=$BENCH_OUT/lcell
say() { echo "bench: $*"; }
mkdir -p "$logs" "$docs"

# The root image: the bench image's tree, the Linux cell's files and the
# root's virtio console drivers (as ci/mkinitrd.sh linux puts them).
lcell_image() {
	local root=$out/initrd cell=$out/cell kroot=$BENCH_TOP/.cache/arm64/root kver
	[ -e "$BENCH_OUT/initrd/lib/warden/bench/latency-e.bin" ] ||
		bash "$BENCH_TOP/bench/mkinitrd.sh" "${BENCH_SAMPLES:-10000}" \
			"${BENCH_NOYIELD_SAMPLES:-50}" >/dev/null || return 1
	bash "$BENCH_TOP/ci/mklinuxcell.sh" >/dev/null || return 1
	rm -rf "$root" "$cell"
	mkdir -p "$out"
	cp -a "$BENCH_OUT/initrd" "$root"
	cp -a "$BENCH_TOP/out/ci/linux-cell/initrd" "$cell"
	install -m755 "$BENCH_TOP/out/bench/wd-busy" "$cell/bin/wd-busy"
	install -m755 "$BENCH_TOP/bench/guest/wd-load.sh" "$cell/bin/wd-load"
	mkdir -p "$root/lib/warden/linux"
	(cd "$cell" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -9) \
		>"$root/lib/warden/linux/initrd.gz"
	cp "$BENCH_TOP/.cache/arm64/Image" "$root/lib/warden/linux/Image"
	kver=$(ls "$kroot/lib/modules")
	local n=1 m
	for m in virtio/virtio_pci_legacy_dev virtio/virtio_pci_modern_dev \
		virtio/virtio_pci char/virtio_console; do
		cp "$kroot/lib/modules/$kver/kernel/drivers/$m.ko" \
			"$root/lib/warden/linux/$n-$(basename "$m").ko"
		n=$((n + 1))
	done
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) \
		>"$out/initrd.gz"
}

# The Linux cell's console (virtio-mmio transport 31) and disk (30), the
# root's end a virtio-serial port "cell": as ci/run-qemu.sh --linux-cell.
lcell_devices() { # SOCKET
	BENCH_QEMU_EXTRA=(-chardev "socket,id=cellcon,path=$1,server=on,wait=off"
		-chardev "socket,id=rootend,path=$1"
		-device virtio-serial-device,bus=virtio-mmio-bus.31,id=cellser
		-device virtconsole,chardev=cellcon,bus=cellser.0
		-drive "if=none,id=celldisk,format=raw,snapshot=on,file=$BENCH_TOP/out/ci/linux-cell/disk.img"
		-device virtio-blk-device,drive=celldisk,bus=virtio-mmio-bus.30
		-device virtio-serial-pci,id=rootser
		-device virtserialport,chardev=rootend,name=cell,bus=rootser.0)
}

# lcell_case CASE GIC: the case's report, load lines and stats from the
# boot's log, checked as bench/run.sh checks the others
lcell_case() {
	local log=$logs/linux-lc-gicv$2.log lat=$logs/$1-gicv$2.lat why n
	why=$(sed -n "s/^BENCH skip $1: //p" "$log" | head -n 1)
	[ -n "$why" ] || grep -q "^BENCH end $1\$" "$log" || why="no report in $log"
	if [ -n "$why" ]; then
		echo "$why" >"$logs/$1-gicv$2.skip"
		say "($1) GICv$2: not measured: $why"
		return
	fi
	bench_case_lines "$log" "$1" >"$lat"
	bench_case_lines "$log" "$1-stats" >"$logs/$1-gicv$2.stats"
	bench_case_lines "$log" "$1-load" >"$logs/$1-gicv$2.load"
	n=$(cat "$BENCH_OUT/initrd/lib/warden/bench/latency-$1.samples")
	if why=$(bench_check_report "$lat" "$n"); then
		say "($1) GICv$2: $(sed -n 's/^LAT \(summary\|tail\) //p' "$lat" | tr '\n' ' ')"
		[ -s "$logs/$1-gicv$2.load" ] &&
			say "($1) GICv$2: Linux cell load $(tr '\n' ' ' <"$logs/$1-gicv$2.load")"
	else
		echo "run failed: $why" >"$logs/$1-gicv$2.skip"
		mv "$lat" "$lat.bad"
		say "($1) GICv$2: FAILED: $why"
	fi
}

start=$(date +%s)
say "building the Linux-cell bench image"
lcell_image || exit 2
sock=$(mktemp -u /tmp/wd-bench-lcell.XXXXXX)
trap 'rm -f "$sock"' EXIT
for gic in $gics; do
	rm -f "$sock" "$logs"/{e,e1}-gicv"$gic".* "$logs/linux-lc-gicv$gic.log"
	cases="${BENCH_LCELL_REF:-} e"
	if [ "$gic" = 3 ]; then
		cases="$cases e1"
	else
		cases=$(echo "$cases" | sed 's/\<d1\?\>//g')
		echo "not offered (GICv$gic, see Documentation/interrupts.md)" \
			>"$logs/e1-gicv$gic.skip"
	fi
	say "GICv$gic: root idle, Linux cell loaded: $cases"
	lcell_devices "$sock"
	cases=$(echo $cases) # one space between, none around
	BENCH_INITRD=$out/initrd.gz BENCH_LINUX_TIMEOUT=${BENCH_LCELL_TIMEOUT:-1500} \
		bench_linux "$gic" "${cases// /,}" \
		"$logs/linux-lc-gicv$gic.log"
	for c in $cases; do lcell_case "$c" "$gic"; done
done
say "Linux-cell runs took $(($(date +%s) - start)) s"
python3 "$BENCH_TOP/bench/lcell_report.py" --logs "$logs" --out "$docs" \
	--gics "$gics"
