#!/usr/bin/env bash
# Runs the inmates bare metal in QEMU (started at EL1 by -kernel, PL011
# console, no hypervisor) on GICv2 and GICv3 and checks their output.
# Usage: run-baremetal.sh [DIR]   (DIR holds the .elf files; default
# out/arm64/inmates). Logs stay in $LOGDIR (default a temporary directory).
set -uo pipefail
dir=${1:-out/arm64/inmates}
logdir=${LOGDIR:-$(mktemp -d)}
mkdir -p "$logdir"
failures=0
checks=0

# run_until NAME GIC SECONDS PATTERN ELF [QEMU ARGS...]: boots ELF, waits
# until PATTERN appears in its output (or SECONDS pass), then stops QEMU.
run_until() {
	local name=$1 gic=$2 limit=$3 pattern=$4 elf=$5
	shift 5
	local log=$logdir/$name-v$gic.log
	: >"$log"
	qemu-system-aarch64 -M virt,gic-version="$gic" -cpu cortex-a57 -m 1G \
		-nographic -no-reboot "$@" -kernel "$dir/$elf.elf" \
		</dev/null >"$log" 2>&1 &
	local pid=$! ticks=0
	while ! grep -q -- "$pattern" "$log"; do
		kill -0 "$pid" 2>/dev/null || break
		[ $ticks -ge $((limit * 10)) ] && break
		sleep 0.1
		ticks=$((ticks + 1))
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	LOG=$log
}

# expect NAME PATTERN: the last run's log must contain PATTERN.
expect() {
	checks=$((checks + 1))
	if grep -q -- "$2" "$LOG"; then
		echo "ok   $1"
	else
		failures=$((failures + 1))
		echo "FAIL $1: no '$2' in $LOG"
	fi
}

# The icount figures are deterministic: bare metal, the counter read in
# the IRQ vector must come within a few ticks of the deadline.
check_latency() {
	local line max
	line=$(grep "timer: t=5s" "$LOG")
	echo "     $line"
	max=$(sed -n 's/.*all n=[0-9]* min -*[0-9]* max \([0-9]*\).*/\1/p' \
		<<<"$line")
	checks=$((checks + 1))
	if [ -n "$max" ] && [ "$max" -lt 100 ]; then
		echo "ok   $1 (max $max ticks)"
	else
		failures=$((failures + 1))
		echo "FAIL $1: max latency '${max}' not below 100 ticks"
	fi
}

icount=(-icount shift=3,sleep=off -accel tcg,thread=single)
for gic in 2 3; do
	run_until selftest $gic 20 "selftest: [PF]A" selftest
	expect "v$gic selftest" "selftest: PASS"
	expect "v$gic selftest GIC" "selftest: GICv$gic"

	run_until hello $gic 10 "hello: tick 3" hello
	expect "v$gic hello banner" "Hello from inmate hello"
	expect "v$gic hello ticks" "hello: tick 3"

	run_until timer $gic 15 "timer: t=3s" timer
	expect "v$gic timer (wall clock)" "timer: t=3s n=1000"

	run_until timer-icount $gic 60 "timer: t=5s" timer "${icount[@]}"
	expect "v$gic timer (icount)" "timer: GICv$gic, console pl011"
	check_latency "v$gic timer (icount) latency"

	run_until fault-undef $gic 10 "inmate: halted" fault-undef
	expect "v$gic fault-undef report" "EC 0x00 (unknown reason"
	expect "v$gic fault-undef halts" "\*\*\* inmate: halted"

	run_until fault-gicd $gic 10 "bare metal they do" fault-gicd
	expect "v$gic fault-gicd" "fault-gicd: after: GICD_CTLR"

	for f in oob-read root-write smc mmio hvc-flood; do
		run_until fault-$f $gic 10 "about to" fault-$f
		expect "v$gic fault-$f announces itself" "fault-$f: bare metal, about to"
	done
done
echo "inmates bare metal: $((checks - failures))/$checks passed (logs in $logdir)"
[ $failures -eq 0 ]
