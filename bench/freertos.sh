#!/usr/bin/env bash
# The tick latency FreeRTOS's tick handler sees (inmates/freertos/README.md,
# "Tick latency"), by the method of `make bench` (-icount shift=3: a tick
# of the 62.5 MHz counter is 2 instructions): freertos-idle bare metal at
# EL1 (case a, CPUs 1-3 off), then in a trapping cell with the root idle
# (b) and under wd-busy (c), and on GICv3 in a direct-IRQ cell (d, d').
# Not part of `make bench` yet. Prints one line per case and GIC:
#   CASE GICvN n=.. min=.. mode=.. p99=.. max=..  (counter ticks)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
out=$BENCH_TOP/out/bench/freertos
mkdir -p "$out"
for g in ${BENCH_GICS:-2 3}; do
	elf=$BENCH_TOP/out/arm64/inmates/freertos-idle-gicv$g.elf
	[ -e "$elf" ] || { echo "freertos bench: no $elf (FREERTOS_DIR?)"; exit 2; }
	# the image reports every 10 s and never powers off: 25 s is plenty
	BENCH_BARE_TIMEOUT=25 bench_bare "$g" "$elf" "$out/a-gicv$g.log"
	echo "a GICv$g $(grep -a 't=10s tick latency' "$out/a-gicv$g.log" |
		sed -n 's/.*tick latency \(n=[^(]*\).*/\1/p')"
done
"$BENCH_TOP/ci/run-e2e" freertos-bench >"$out/e2e.txt" || {
	cat "$out/e2e.txt"; exit 1; }
for g in ${BENCH_GICS:-2 3}; do
	sed -n 's/^FRTBENCH \([a-z0-9]*\) gicv\([23]\) /\1 GICv\2 /p' \
		"$BENCH_TOP/out/ci/logs/freertos-bench-gicv$g.log"
done
