#!/usr/bin/env bash
# Quick check for `make test` that the latency inmate runs and reports sane
# numbers: a few hundred samples bare metal, idle (a) and with busy loops
# on the other three CPUs (a'), on GICv2 and GICv3. Not a benchmark: the
# figures themselves are `make bench`'s (bench/run.sh).
#   bench/smoke.sh [SAMPLES]      (default 300; logs in $LOGDIR or a tmpdir)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
samples=${1:-300}
logdir=${LOGDIR:-$(mktemp -d)}
mkdir -p "$logdir"
# Bare metal the handler entry is a few instructions after the deadline;
# anything near a period (6250 ticks) means IRQs are delivered late.
max_ok=100
checks=0 failures=0

ok() { checks=$((checks + 1)); echo "ok   $*"; }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $*"; }

check_figures() { # NAME LOG
	local min max why
	if ! why=$(bench_check_report "$2" "$samples"); then
		bad "$1: $why (log $2)"
		return
	fi
	min=$(bench_field "$2" summary min)
	max=$(bench_field "$2" summary max)
	if [ "$min" -gt 0 ] && [ "$max" -lt $max_ok ]; then
		ok "$1: n=$samples min $min max $max ticks"
	else
		bad "$1: min $min max $max ticks, want 0 < min, max < $max_ok"
	fi
}

check_busy() { # NAME LOG: each busy CPU started and made progress
	local lines
	lines=$(bench_lat_lines "$2" | grep '^LAT busy')
	if [ "$(grep -c 'psci=0 iterations=[1-9]' <<<"$lines")" = 3 ]; then
		ok "$1: 3 busy CPUs ran"
	else
		bad "$1: busy CPUs: ${lines:-none reported}"
	fi
}

for gic in 2 3; do
	idle=$logdir/latency-smoke.elf busy=$logdir/latency-smoke-busy.elf
	bench_patch "$BENCH_INMATE" "$idle" "$samples" 0 0 || exit 2
	bench_patch "$BENCH_INMATE" "$busy" "$samples" 3 1 || exit 2
	BENCH_BARE_TIMEOUT=60 bench_bare $gic "$idle" "$logdir/a-gicv$gic.log"
	check_figures "latency (a) bare metal GICv$gic" "$logdir/a-gicv$gic.log"
	BENCH_BARE_TIMEOUT=60 bench_bare $gic "$busy" "$logdir/a1-gicv$gic.log"
	check_figures "latency (a') bare metal + busy GICv$gic" \
		"$logdir/a1-gicv$gic.log"
	check_busy "latency (a') GICv$gic" "$logdir/a1-gicv$gic.log"
done
echo "latency smoke: $((checks - failures))/$checks passed (logs in $logdir)"
[ $failures -eq 0 ]
