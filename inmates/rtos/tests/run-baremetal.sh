#!/usr/bin/env bash
# Runs the RTOS images bare metal in QEMU (started at EL1 by -kernel, PL011
# console) on GICv2 and GICv3, or on q35 (x86: multiboot, COM1, the APIC
# timer), deterministically (-icount), for RUN_SECONDS
# of virtual time, and checks their statistics:
# - rtos (EDF) and rtos-rm (RM): admitted, 0 deadline misses; the task
#   that deliberately overruns is stopped (overruns counted), nobody else;
# - rtos-overload (EDF) and rtos-overload-rm (RM): rejected by the
#   analysis, deadline misses > 0 (under RM only in the lowest priority);
# - the statistics block, read from outside through the QEMU monitor
#   while the inmate keeps running, agrees with the console.
# Usage: run-baremetal.sh [DIR [ARCH]]   (DIR holds the images; default
# out/arm64/inmates; ARCH arm64 (default: the .elf files, GICv2 and v3)
# or x86 (the .bin files on q35, multiboot, xAPIC). Logs stay in $LOGDIR
# (default a temporary directory).
set -uo pipefail
dir=${1:-out/arm64/inmates}
arch=${2:-arm64}
here=$(cd "$(dirname "$0")" && pwd)
logdir=${LOGDIR:-$(mktemp -d)}
mkdir -p "$logdir"
RUN_SECONDS=2
failures=0
checks=0

# run NAME GIC [monitor]: boots NAME.elf until the report for RUN_SECONDS
# is out (at most 60 s of wall time). With "monitor", the statistics block
# is read through the monitor afterwards, QEMU still running.
run() {
	local name=$1 gic=$2 monitor=${3:-}
	local log=$logdir/$name-v$gic.log sock=$logdir/$name-v$gic.mon
	local qemu=qemu-system-aarch64
	local args=(-M virt,gic-version="$gic" -cpu cortex-a57 -m 1G
		-nographic -no-reboot -icount shift=3,sleep=off
		-accel tcg,thread=single -kernel "$dir/$name.elf")
	if [ "$arch" = x86 ]; then
		qemu=qemu-system-x86_64
		args=(-M q35 -cpu max -m 256M -nographic -no-reboot
			-icount shift=3,sleep=off -accel tcg,thread=single
			-kernel "$dir/$name.bin")
	fi
	: >"$log"
	rm -f "$sock"
	[ -n "$monitor" ] && args+=(-monitor "unix:$sock,server=on,wait=off")
	local start=$SECONDS
	"$qemu" "${args[@]}" </dev/null >"$log" 2>&1 &
	local pid=$! ticks=0
	while ! grep -q "rtos: t=${RUN_SECONDS}s total" "$log"; do
		kill -0 "$pid" 2>/dev/null || break
		[ $ticks -ge 600 ] && break
		sleep 0.1
		ticks=$((ticks + 1))
	done
	WALL=$((SECONDS - start))
	[ -n "$monitor" ] && python3 "$here/read-stats.py" "$sock" \
		"$(sed -n 's/.*statistics block at \(0x[0-9a-f]*\).*/\1/p' "$log")" \
		>"$log.block" 2>&1
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	LOG=$log
	TAG="v$gic $name"
	[ "$arch" = x86 ] && TAG="x86 $name"
}

check() {
	checks=$((checks + 1))
	if [ "$2" = ok ]; then
		echo "ok   $1"
	else
		failures=$((failures + 1))
		echo "FAIL $1 ($LOG)"
	fi
}

expect() {
	grep -q -- "$2" "$LOG" && check "$TAG: $1" ok || check "$TAG: $1" no
}

# field TASK COLUMN: a task's column in the report at RUN_SECONDS
# (2 released, 3 completed, 4 misses, 5 overruns, 6 worst ticks).
field() {
	tr -d '\r' <"$LOG" | awk -v t="rtos: t=${RUN_SECONDS}s " -v task="$1" \
		-v col="$2" 'index($0, t) == 1 { on = 1 }
		on && $2 == task { print $(col + 2); exit }'
}

total() {
	tr -d '\r' <"$LOG" | sed -n \
		"s/^rtos: t=${RUN_SECONDS}s total .* $1 \([0-9]*\).*/\1/p"
}

# block_field TASK WORD: a counter of the block read through the monitor
block_field() {
	awk -v task="$1" -v word="$2" '$1 == "task" && $2 == task {
		for (i = 3; i < NF; i++) if ($i == word) print $(i + 1) }' \
		"$LOG.block"
}

show() {
	echo "     $(tr -d '\r' <"$LOG" | grep "rtos: t=${RUN_SECONDS}s" |
		head -1) [${WALL}s wall]"
}

# Admitted set: no misses; overrunner has overruns, the others none, and
# every job released before the report finished or is the one running.
check_admitted() {
	local overrunner=$1 task released completed overruns
	expect "analysis admits the set" "rtos: analysis: feasible"
	show
	[ "$(total misses)" = 0 ] && check "$TAG: 0 deadline misses" ok ||
		check "$TAG: 0 deadline misses (got '$(total misses)')" no
	for task in $(tr -d '\r' <"$LOG" | awk '/^rtos:   task +period/ {
			on = 1; next } on && /^rtos:   / { print $2 }
			on && !/^rtos:   / { exit }'); do
		released=$(field "$task" 1)
		completed=$(field "$task" 2)
		overruns=$(field "$task" 4)
		if [ "$task" = "$overrunner" ]; then
			[ "${overruns:-0}" -gt 0 ] &&
				check "$TAG: $task overruns counted ($overruns)" ok ||
				check "$TAG: $task overruns counted" no
		else
			[ "$overruns" = 0 ] &&
				[ $((released - completed)) -le 1 ] &&
				check "$TAG: $task $completed/$released done" ok ||
				check "$TAG: $task done '$completed/$released' overruns '$overruns'" no
		fi
	done
}

check_overload() {
	expect "analysis rejects the set" "rtos: analysis: INFEASIBLE"
	expect "report printed although never idle" \
		"no idle time: printed by the scheduler"
	show
	[ "$(total misses)" -gt 0 ] 2>/dev/null &&
		check "$TAG: deadline misses ($(total misses))" ok ||
		check "$TAG: deadline misses > 0 (got '$(total misses)')" no
}

# The block read from outside: valid, and at least the console's counts.
check_block() {
	local task=$1 console_released block_released
	grep -q "^block revision 1 .* count 4 verdict 1 " "$LOG.block" &&
		check "$TAG: statistics block valid via monitor" ok ||
		check "$TAG: statistics block via monitor: $(head -1 "$LOG.block")" no
	console_released=$(field "$task" 1)
	block_released=$(block_field "$task" released)
	[ -n "$block_released" ] &&
		[ "$block_released" -ge "$console_released" ] &&
		[ "$(block_field "$task" misses)" = 0 ] &&
		check "$TAG: block: $task released $block_released >= $console_released, 0 misses" ok ||
		check "$TAG: block: $task released '$block_released' vs $console_released" no
}

variants="2 3"
[ "$arch" = x86 ] && variants=x86
for gic in $variants; do
	run rtos $gic monitor
	if [ "$arch" = x86 ]; then
		expect "the xAPIC" "xAPIC id 0, statistics block"
	else
		expect "GICv$gic" "GICv$gic, statistics block"
	fi
	check_admitted log
	check_block log

	run rtos-rm $gic
	expect "RTA response times" "response times (us): fast 1000 medium 2000 control 4000 slow 8000"
	check_admitted fast

	run rtos-overload $gic
	check_overload

	run rtos-overload-rm $gic
	check_overload
	for task in a b c; do
		[ "$(field $task 3)" = 0 ] &&
			check "$TAG: higher-priority $task misses nothing" ok ||
			check "$TAG: higher-priority $task misses '$(field $task 3)'" no
	done
done
echo "rtos bare metal ($arch): $((checks - failures))/$checks passed (logs in $logdir)"
[ $failures -eq 0 ]
