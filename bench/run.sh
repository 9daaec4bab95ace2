#!/usr/bin/env bash
# make bench: interrupt latency of the latency inmate, bare metal and in a
# Warden cell, on GICv2 and GICv3, plus cyclictest in the root cell.
# Writes docs/bench/ (latency.md, latency.png, CSV); logs in out/bench/logs.
#   (a)  bare metal, the other 3 CPUs off
#   (a-t) bare metal, the other 3 CPUs ticking as a root with a periodic
#        tick would: a timer IRQ at 250 Hz on all three at once, 4,400
#        instructions each (an idle root's tick, measured), then WFI
#   (a-i) bare metal, the other 3 CPUs waking as an idle (NOHZ) root's
#        do: 29,000 instructions (its longest wake-up traced), staggered,
#        at 50 Hz each (the root: about 1 Hz) so that a run sees every
#        phase of a wake-up against the deadlines, then WFI
#   (a') bare metal, busy loops on the other 3 CPUs
#   (a-t), (a-i), (a'), (a'') measure on CPU 3, the cell's CPU, with the
#   boot CPU 0 among the busy or ticking ones: the order in which QEMU's
#   round-robin runs them is the cell's (docs/bench/latency.md).
#   (b)  in the demo cell (CPU 3), root Linux idle
#   (c)  in the demo cell, wd-busy copying pages on every root CPU
#   (a''), (c'') as (a'), (c) with loads that never yield, only
#        BENCH_NOYIELD_SAMPLES: QEMU's round-robin tail (see latency.md)
#   (d)  as (b) with direct IRQ delivery (demo-direct.cell): GICv3 only
#   (d') as (c) with direct IRQ delivery
#   (e), (e') as (b), (d) beside a Linux cell loaded with wd-busy
#        (bench/lcell.sh, after the others)
#   then the x86 rows, bare metal and in a cell (bench/x86.sh)
# Environment: BENCH_SAMPLES (10000), BENCH_NOYIELD_SAMPLES (50),
# BENCH_GICS ("2 3"), BENCH_CYCLIC_SECONDS (10).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
samples=${BENCH_SAMPLES:-10000}
noyield_samples=${BENCH_NOYIELD_SAMPLES:-50}
cyclic_seconds=${BENCH_CYCLIC_SECONDS:-10}
export BENCH_CYCLIC_SECONDS=$cyclic_seconds
gics=${BENCH_GICS:-2 3}
# latency_params.flags (inmates/demos/latency.c): busy loops yield, the
# other CPUs tick, their ticks staggered, measure on the last CPU
YIELD=1 TICK=4 STAGGER=8 LAST=16
logs=$BENCH_TOP/out/bench/logs
docs=$BENCH_TOP/docs/bench
mkdir -p "$logs" "$docs"
rm -f "$logs"/*
say() { echo "bench: $*"; }

# keep CASE GIC [SAMPLES]: checks the report in $logs/CASE-gicvGIC.lat; a
# report that is not sane is set aside with the reason, never plotted.
keep() {
	local lat=$logs/$1-gicv$2.lat why
	if why=$(bench_check_report "$lat" "${3:-$samples}"); then
		say "($1) GICv$2: $(bench_lat_lines "$lat" |
			sed -n 's/^LAT \(summary\|tail\) //p' | tr '\n' ' ')"
	else
		echo "run failed: $why" >"$logs/$1-gicv$2.skip"
		mv "$lat" "$lat.bad"
		say "($1) GICv$2: FAILED: $why"
	fi
}

bare_case() { # CASE GIC BUSY_CPUS FLAGS [SAMPLES [KEY=VALUE...]]
	local elf=$logs/latency-$1.elf log=$logs/bare-$1-gicv$2.log
	bench_patch "$BENCH_INMATE" "$elf" samples="${5:-$samples}" \
		busy_cpus="$3" flags="$4" "${@:6}" || exit 2
	bench_bare "$2" "$elf" "$log"
	bench_lat_lines "$log" >"$logs/$1-gicv$2.lat"
	keep "$1" "$2" "${5:-$samples}"
}

# linux_case CASE GIC [SAMPLES]: what bench/guest/bench.sh framed for CASE
linux_case() {
	local log=$logs/linux-gicv$2.log why
	why=$(sed -n "s/^BENCH skip $1: //p" "$log" | head -n 1)
	if [ -n "$why" ]; then
		echo "$why" >"$logs/$1-gicv$2.skip"
		say "($1) GICv$2: not measured: $why"
		return
	fi
	bench_case_lines "$log" "$1" >"$logs/$1-gicv$2.lat"
	keep "$1" "$2" "${3:-$samples}"
}

# not_offered CASE GIC: direct IRQ delivery exists on GICv3 only
not_offered() {
	echo "not offered (GICv$2, see Documentation/interrupts.md)" \
		>"$logs/$1-gicv$2.skip"
	say "($1) GICv$2: not offered"
}

cyclic_case() { # CASE GIC
	local log=$logs/linux-gicv$2.log why
	why=$(sed -n "s/^BENCH skip $1: //p" "$log" | head -n 1)
	if [ -n "$why" ]; then
		echo "$why" >"$logs/$1-gicv$2.skip"
	elif grep -q "^@$1 # Max Latencies" "$log"; then
		bench_case_lines "$log" "$1" >"$logs/$1-gicv$2.txt"
	else
		echo "no cyclictest summary in $log" >"$logs/$1-gicv$2.skip"
	fi
}

start=$(date +%s)
for gic in $gics; do
	say "GICv$gic: (a) bare metal, $samples samples"
	bare_case a "$gic" 0 0
	say "GICv$gic: (a-t) bare metal, CPUs 0-2 ticking at 250 Hz"
	bare_case at "$gic" 3 $((TICK | LAST)) "$samples" tick_hz=250 \
		tick_work=4400
	say "GICv$gic: (a-i) bare metal, CPUs 0-2 waking as an idle root's"
	bare_case ai "$gic" 3 $((TICK | STAGGER | LAST)) "$samples" \
		tick_hz=50 tick_work=29000
	say "GICv$gic: (a') bare metal + busy loops with yield on CPUs 0-2"
	bare_case a1 "$gic" 3 $((YIELD | LAST))
	say "GICv$gic: (a'') the same, loops without yield, $noyield_samples samples"
	bare_case a2 "$gic" 3 $LAST "$noyield_samples"
done
say "building the bench image"
bash "$BENCH_TOP/bench/mkinitrd.sh" "$samples" "$noyield_samples" \
	>/dev/null || exit 2
for gic in $gics; do
	cells="b c c2" direct="d d1"
	if [ "$gic" != 3 ]; then
		for c in $direct; do not_offered $c "$gic"; done
		direct=
	fi
	say "GICv$gic: root Linux: cyclictest without/with Warden, $cells $direct"
	bench_linux "$gic" "$(echo cyclic-off cyclic-on $cells $direct | tr ' ' ,)" \
		"$logs/linux-gicv$gic.log"
	for c in b c $direct; do linux_case $c "$gic"; done
	linux_case c2 "$gic" "$noyield_samples"
	for c in $cells $direct; do
		bench_case_lines "$logs/linux-gicv$gic.log" "$c-stats" \
			>"$logs/$c-gicv$gic.stats"
	done
	for c in cyclic-off cyclic-on; do cyclic_case $c "$gic"; done
done
say "runs took $(($(date +%s) - start)) s; writing $docs"
python3 "$BENCH_TOP/bench/report.py" --logs "$logs" --out "$docs" \
	--gics "$gics" --samples "$samples" --shift 3 \
	--cyclic-seconds "$cyclic_seconds" || exit 1
# (e), (e'): beside a loaded Linux cell, its own boot per GIC; its page
# docs/bench/latency-linux-cell.md sets them next to (b)-(d') above.
bash "$BENCH_TOP/bench/lcell.sh" || exit 1
# The x86 rows (QEMU q35): docs/bench/latency-x86.md.
bash "$BENCH_TOP/bench/x86.sh" || exit 1
