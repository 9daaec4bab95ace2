#!/usr/bin/env bash
# Quick check for `make test` that the latency inmate runs and reports sane
# numbers: a few hundred samples bare metal, idle (a), with busy loops
# on the other three CPUs (a') and measured on CPU 3 beside three ticking
# CPUs (a-t), on GICv2 and GICv3; then, on GICv3, in a
# cell with direct IRQ delivery (d): root Linux, `warden enable`, the
# inmate in demo-direct.cell. Not a benchmark: the figures themselves are
# `make bench`'s (bench/run.sh). The gates (issue 17): the EL2
# instructions per trapped IRQ, 2 x ((b) mode - (a) mode) in ticks (the
# counter ticks every 2 instructions under icount), the same and the
# doorbell hypercall's by trace count (bench/count-el2.sh), and the time
# of `warden enable`. The size of warden.bin is `make size-check`'s
# (ci/size-check.sh).
#   bench/smoke.sh [SAMPLES]      (default 300; logs in $LOGDIR or a tmpdir)
# BENCH_SMOKE_BARE_ONLY=1 stops after the bare-metal cases (a few seconds).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
samples=${1:-300}
logdir=${LOGDIR:-$(mktemp -d)}
mkdir -p "$logdir"
# Bare metal the handler entry is a few instructions after the deadline;
# with busy CPUs it may also wait for each of them to reach its next
# `yield` (a dozen instructions, see latency_busy_entry). Anything near a
# period (6250 ticks) means IRQs are delivered late.
max_idle=100
max_busy=200
# The gates. Trapped IRQ: the goal of issue 17, 32 instructions (the
# assembly fast path gives 32 here, 31 by trace; 74 before it).
max_irq_insns=${BENCH_MAX_IRQ_INSNS:-32}
# `warden enable` on 4 CPUs, the whole driver call in virtual time (goal
# 5 ms; it was 6.78): the gate is the goal.
max_enable_us=${BENCH_MAX_ENABLE_US:-5000}
checks=0 failures=0

ok() { checks=$((checks + 1)); echo "ok   $*"; }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $*"; }

check_figures() { # NAME LOG MAX
	local min max p99 why
	if ! why=$(bench_check_report "$2" "$samples"); then
		bad "$1: $why (log $2)"
		return
	fi
	min=$(bench_field "$2" summary min)
	max=$(bench_field "$2" summary max)
	p99=$(bench_field "$2" tail p99)
	# p99, not max: one sample in a few hundred can wait for QEMU's
	# round robin to come back to its vCPU (seen once in a clean-clone
	# CI: a direct cell's 300 samples at 1 tick but one at 1,069;
	# docs/bench/latency.md, the tail). max is printed, not gated.
	if [ "$min" -gt 0 ] && [ "$p99" -lt "$3" ]; then
		ok "$1: n=$samples min $min p99 $p99 max $max ticks"
	else
		bad "$1: min $min p99 $p99 max $max ticks, want 0 < min, p99 < $3"
	fi
}

# check_direct LOG BARE_LOG: case (d) in the guest's LOG ran, Warden
# took none of its IRQs, and it is as fast as bare metal (BARE_LOG)
check_direct() {
	local lat=$logdir/d-gicv3.lat irq bare mode
	bench_case_lines "$1" d >"$lat"
	check_figures "latency (d) direct-IRQ cell GICv3" "$lat" $max_idle
	irq=$(bench_case_lines "$1" d-stats | awk '$1 == 3 { print $3 }')
	if [ "$irq" = 0 ]; then
		ok "latency (d): Warden's irq count for CPU 3 is 0"
	else
		bad "latency (d): Warden's irq count for CPU 3: '${irq:-none}'"
	fi
	bare=$(bench_field "$2" summary mode)
	mode=$(bench_field "$lat" summary mode)
	if [ -n "$mode" ] && [ -n "$bare" ] && [ "$mode" = "$bare" ]; then
		ok "latency (d): mode $mode ticks, as bare metal"
	else
		bad "latency (d): mode '$mode' ticks, bare metal '$bare'"
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

# check_ticking NAME LOG: CPU 3 measured, and each of CPUs 0-2 took at
# least the ticks that fit in the measurement (LAT run span / every)
check_ticking() {
	local span every want lines
	span=$(bench_field "$2" run span)
	every=$(bench_field "$2" ticking every)
	lines=$(bench_lat_lines "$2" | grep '^LAT busy')
	if [ -z "$every" ] || [ -z "$span" ] || [ "$every" -le 0 ]; then
		bad "$1: no 'LAT ticking every=' or span: not ticking"
		return
	fi
	want=$((span / every))
	if ! bench_lat_lines "$2" | grep -q '^LAT begin .* cpu=3$'; then
		bad "$1: not measured on CPU 3: $(bench_lat_lines "$2" | head -n 1)"
	elif [ "$want" -gt 0 ] && [ "$(awk -v w="$want" '
		{ for (i = 3; i <= NF; i++) { split($i, kv, "=")
			if (kv[1] == "psci" && kv[2] != 0) next
			if (kv[1] == "iterations" && kv[2] >= w) n++ } }
		END { print n + 0 }' <<<"$lines")" = 3 ]; then
		ok "$1: CPUs 0-2 ticked, each at least $want times, CPU 3 measured"
	else
		bad "$1: want 3 CPUs with >= $want ticks: ${lines:-none reported}"
	fi
}

for gic in 2 3; do
	idle=$logdir/latency-smoke.elf busy=$logdir/latency-smoke-busy.elf
	tick=$logdir/latency-smoke-tick.elf
	bench_patch "$BENCH_INMATE" "$idle" samples="$samples" || exit 2
	bench_patch "$BENCH_INMATE" "$busy" samples="$samples" busy_cpus=3 \
		flags=1 || exit 2
	BENCH_BARE_TIMEOUT=60 bench_bare $gic "$idle" "$logdir/a-gicv$gic.log"
	check_figures "latency (a) bare metal GICv$gic" "$logdir/a-gicv$gic.log" \
		$max_idle
	BENCH_BARE_TIMEOUT=60 bench_bare $gic "$busy" "$logdir/a1-gicv$gic.log"
	check_figures "latency (a') bare metal + busy GICv$gic" \
		"$logdir/a1-gicv$gic.log" $max_busy
	check_busy "latency (a') GICv$gic" "$logdir/a1-gicv$gic.log"
	# (a-t): flags 4 (tick) | 16 (measure on CPU 3), 1 kHz so that the
	# short run holds a few dozen ticks; a tick waits for whole handlers
	# (docs/bench/latency.md): only the report and the ticks are checked.
	bench_patch "$BENCH_INMATE" "$tick" samples="$samples" busy_cpus=3 \
		flags=20 tick_hz=1000 tick_work=1000 || {
		bad "latency (a-t): bench/patch-params.sh refused the tick keys"
		continue
	}
	BENCH_BARE_TIMEOUT=60 bench_bare $gic "$tick" "$logdir/at-gicv$gic.log"
	if why=$(bench_check_report "$logdir/at-gicv$gic.log" "$samples"); then
		check_ticking "latency (a-t) GICv$gic" "$logdir/at-gicv$gic.log"
	else
		bad "latency (a-t) GICv$gic: $why"
	fi
done
summary() {
	echo "latency smoke: $((checks - failures))/$checks passed (logs in $logdir)"
	[ $failures -eq 0 ]
}
if [ "${BENCH_SMOKE_BARE_ONLY:-0}" = 1 ]; then
	summary
	exit
fi
# check_trap_cost LOG BARE_LOG: case (b) ran, and Warden's instructions
# per trapped IRQ (its mode less bare metal's, in instructions) pass the gate
check_trap_cost() {
	local lat=$logdir/b-gicv3.lat bare mode insns
	bench_case_lines "$1" b >"$lat"
	check_figures "latency (b) trapping cell GICv3" "$lat" $max_idle
	bare=$(bench_field "$2" summary mode)
	mode=$(bench_field "$lat" summary mode)
	if [ -z "$mode" ] || [ -z "$bare" ]; then
		bad "trapped IRQ: mode '$mode' ticks, bare metal '$bare'"
		return
	fi
	insns=$((2 * (mode - bare)))
	if [ "$insns" -le "$max_irq_insns" ]; then
		ok "trapped IRQ: $insns EL2 instructions (gate $max_irq_insns)"
	else
		bad "trapped IRQ: $insns EL2 instructions, gate $max_irq_insns"
	fi
}

# check_enable LOG: the driver's "enable took X us" within the gate
check_enable() {
	local us
	us=$(bench_case_lines "$1" enable |
		sed -n 's/.*warden: enable took \([0-9]*\) us.*/\1/p' | head -n 1)
	if [ -n "$us" ] && [ "$us" -le "$max_enable_us" ]; then
		ok "warden enable: $us us virtual (gate $max_enable_us)"
	else
		bad "warden enable: '${us:-no figure}' us virtual, gate $max_enable_us"
	fi
}

# check_el2_counts: the trace count of EL2 instructions per trapped IRQ
# and per doorbell hypercall, both GICs, within issue 17's goals
# (bench/count-el2.sh: 32 and 120; about 20 s a GIC)
check_el2_counts() {
	local out=$logdir/count-el2.txt
	if bash "$BENCH_TOP/bench/count-el2.sh" --gic both >"$out" 2>&1; then
		ok "EL2 counts: $(grep -E '^(trapped_irq|doorbell)_gicv' "$out" |
			tr '\n' ' ')(gates 32, 120)"
	else
		bad "EL2 counts: $(tr '\n' ' ' <"$out")"
	fi
}

check_el2_counts
# The image of make bench with SAMPLES samples, in the smoke's own place.
export BENCH_OUT=$logdir/image
if bash "$BENCH_TOP/bench/mkinitrd.sh" "$samples" "$samples" >/dev/null; then
	BENCH_LINUX_TIMEOUT=180 bench_linux 3 enable,b,d "$logdir/linux-gicv3.log"
	check_enable "$logdir/linux-gicv3.log"
	check_trap_cost "$logdir/linux-gicv3.log" "$logdir/a-gicv3.log"
	check_direct "$logdir/linux-gicv3.log" "$logdir/a-gicv3.log"
else
	bad "bench/mkinitrd.sh failed: no direct-IRQ case"
fi
rm -rf "$BENCH_OUT" # 15 MB of image, not a log
summary
