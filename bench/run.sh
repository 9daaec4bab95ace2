#!/usr/bin/env bash
# make bench: interrupt latency of the latency inmate, bare metal and in a
# Warden cell, on GICv2 and GICv3, plus cyclictest in the root cell.
# Writes docs/bench/ (latency.md, latency.png, CSV); logs in out/bench/logs.
#   (a)  bare metal, the other 3 CPUs off
#   (a') bare metal, busy loops on the other 3 CPUs
#   (b)  in the demo cell (CPU 3), root Linux idle
#   (c)  in the demo cell, wd-busy spinning and copying on every root CPU
# Environment: BENCH_SAMPLES (10000), BENCH_GICS ("2 3"),
# BENCH_CYCLIC_SECONDS (10).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
samples=${BENCH_SAMPLES:-10000}
gics=${BENCH_GICS:-2 3}
logs=$BENCH_TOP/out/bench/logs
docs=$BENCH_TOP/docs/bench
mkdir -p "$logs" "$docs"
rm -f "$logs"/*
say() { echo "bench: $*"; }

# keep CASE GIC: checks the report in $logs/CASE-gicvGIC.lat; a report
# that is not sane is set aside with the reason, never plotted.
keep() {
	local lat=$logs/$1-gicv$2.lat why
	if why=$(bench_check_report "$lat" "$samples"); then
		say "($1) GICv$2: $(bench_lat_lines "$lat" | grep '^LAT summary' | cut -d' ' -f3-)"
	else
		echo "not measured: run failed: $why" >"$logs/$1-gicv$2.skip"
		mv "$lat" "$lat.bad"
		say "($1) GICv$2: FAILED: $why"
	fi
}

bare_case() { # CASE GIC BUSY_CPUS FLAGS
	local elf=$logs/latency-$1.elf log=$logs/bare-$1-gicv$2.log
	bench_patch "$BENCH_INMATE" "$elf" "$samples" "$3" "$4" || exit 2
	bench_bare "$2" "$elf" "$log"
	bench_lat_lines "$log" >"$logs/$1-gicv$2.lat"
	keep "$1" "$2"
}

# linux_case CASE GIC: what bench/guest/bench.sh framed for CASE
linux_case() {
	local log=$logs/linux-gicv$2.log why
	why=$(sed -n "s/^BENCH skip $1: //p" "$log" | head -n 1)
	if [ -n "$why" ]; then
		echo "not measured: $why" >"$logs/$1-gicv$2.skip"
		say "($1) GICv$2: not measured: $why"
		return
	fi
	bench_case_lines "$log" "$1" >"$logs/$1-gicv$2.lat"
	keep "$1" "$2"
}

cyclic_case() { # CASE GIC
	local log=$logs/linux-gicv$2.log why
	why=$(sed -n "s/^BENCH skip $1: //p" "$log" | head -n 1)
	if [ -n "$why" ]; then
		echo "not measured: $why" >"$logs/$1-gicv$2.skip"
	elif grep -q "^@$1 # Max Latencies" "$log"; then
		bench_case_lines "$log" "$1" >"$logs/$1-gicv$2.txt"
	else
		echo "not measured: no cyclictest summary in $log" \
			>"$logs/$1-gicv$2.skip"
	fi
}

start=$(date +%s)
for gic in $gics; do
	say "GICv$gic: (a) bare metal, $samples samples"
	bare_case a "$gic" 0 0
	say "GICv$gic: (a') bare metal + busy loops with yield on CPUs 1-3"
	bare_case a1 "$gic" 3 1
done
say "building the bench image"
bash "$BENCH_TOP/bench/mkinitrd.sh" "$samples" >/dev/null || exit 2
for gic in $gics; do
	say "GICv$gic: root Linux: cyclictest without/with Warden, (b), (c)"
	bench_linux "$gic" cyclic-off,cyclic-on,b,c "$logs/linux-gicv$gic.log"
	for c in b c; do linux_case $c "$gic"; done
	for c in cyclic-off cyclic-on; do cyclic_case $c "$gic"; done
done
say "runs took $(($(date +%s) - start)) s; writing $docs"
python3 "$BENCH_TOP/bench/report.py" --logs "$logs" --out "$docs" \
	--gics "$gics" --samples "$samples" --shift 3 || exit 1
