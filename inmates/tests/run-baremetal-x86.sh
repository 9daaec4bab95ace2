#!/usr/bin/env bash
# Runs the x86 inmates bare metal in QEMU q35 (multiboot via -kernel, COM1
# console, no hypervisor) and checks their output. An inmate that is done
# ends QEMU through isa-debug-exit (exit status 1 = it wrote 0).
# Usage: run-baremetal-x86.sh [DIR]   (DIR holds the .bin files; default
# out/x86/inmates). Logs stay in $LOGDIR (default a temporary directory).
set -uo pipefail
dir=${1:-out/x86/inmates}
logdir=${LOGDIR:-$(mktemp -d)}
mkdir -p "$logdir"
failures=0
checks=0

# run_until NAME SECONDS PATTERN BIN [QEMU ARGS...]: boots BIN, waits until
# PATTERN appears in its output, QEMU ends or SECONDS pass; stops QEMU.
# ENDED=1 when QEMU had ended by itself (power-off, or a reset).
run_until() {
	local name=$1 limit=$2 pattern=$3 bin=$4
	shift 4
	local log=$logdir/$name.log
	: >"$log"
	qemu-system-x86_64 -M q35 -accel tcg -cpu max -m 256M -nographic \
		-no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		"$@" -kernel "$dir/$bin.bin" </dev/null >"$log" 2>&1 &
	local pid=$! ticks=0
	while ! grep -q -- "$pattern" "$log"; do
		kill -0 "$pid" 2>/dev/null || break
		[ $ticks -ge $((limit * 10)) ] && break
		sleep 0.1
		ticks=$((ticks + 1))
	done
	ENDED=1
	kill -0 "$pid" 2>/dev/null && ENDED=0
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

# Under icount the TSC counts virtual nanoseconds (8 per instruction at
# shift 3): bare metal the IRQ stub's TSC read comes a fixed few dozen
# instructions after the deadline, well below a microsecond.
check_latency() {
	local line max
	line=$(grep -a "timer: t=3s" "$LOG")
	echo "     $line"
	max=$(sed -n 's/.*all n=[0-9]* min -*[0-9]* max \([0-9]*\).*/\1/p' \
		<<<"$line")
	checks=$((checks + 1))
	if [ -n "$max" ] && [ "$max" -lt 1000 ]; then
		echo "ok   $1 (max $max TSC ticks)"
	else
		failures=$((failures + 1))
		echo "FAIL $1: max latency '${max}' not below 1000 ticks"
	fi
}

icount=(-icount shift=3,sleep=off -accel tcg,thread=single)

# A cell's APIC accesses are decoded by Warden (arch/x86/decode.c), which
# takes the ModRM forms of MOV only: no image may use the moffs form
# (objdump's "movabs" with a memory operand) the compiler picks for a
# constant address unless inmate/mmio.h stops it.
checks=$((checks + 1))
moffs=$(for e in "$dir"/*.elf; do objdump -d "$e"; done |
	grep -cE 'movabs +(%[a-z0-9]+,)?0x')
if [ "$moffs" = 0 ]; then
	echo "ok   x86 images: no moffs (A0-A3) memory access"
else
	failures=$((failures + 1))
	echo "FAIL x86 images: $moffs moffs memory accesses (movabs)"
fi

# Warden enters at the first byte, QEMU at the multiboot entry.
checks=$((checks + 1))
python3 "$(dirname "$0")/check-x86-entry.py" "$dir"/*.bin ||
	failures=$((failures + 1))

run_until hello 20 "hello: tick 3" hello
expect "x86 hello banner" "Hello from inmate hello"
expect "x86 hello bare metal" "hello: bare metal (multiboot)"
expect "x86 hello long mode, COM1" "hello: console com1, long mode"
expect "x86 hello ticks" "hello: tick 3"

run_until timer 20 "timer: t=3s" timer
expect "x86 timer calibrated" "timer: xAPIC id 0, console com1, TSC"
expect "x86 timer (wall clock)" "timer: t=3s n=1000"

run_until timer-icount 60 "timer: t=3s" timer "${icount[@]}"
expect "x86 timer (icount)" "timer: t=3s n=1000"
check_latency "x86 timer (icount) latency"

run_until latency 60 "LAT end" latency "${icount[@]}"
expect "x86 latency begins" "LAT begin run=0 where=bare-metal apic=xapic"
expect "x86 latency sane" "LAT run missed=0 early=0 unexpected=0"
expect "x86 latency ends" "LAT end run=0"

run_until fault-undef 10 "inmate: halted" fault-undef
expect "x86 fault-undef report" "exception 6 (#UD invalid opcode)"
expect "x86 fault-undef halts" "\*\*\* inmate: halted"

run_until fault-triple 10 "no IDT" fault-triple
expect "x86 fault-triple announces itself" "fault-triple: bare metal, about to"
checks=$((checks + 1))
if grep -q "still running" "$LOG" || [ $ENDED = 0 ]; then
	failures=$((failures + 1))
	echo "FAIL x86 fault-triple: no reset (QEMU -no-reboot exits on one)"
else
	echo "ok   x86 fault-triple: the machine reset"
fi

for f in oob-read oob-write mmio ioport msr vmmcall-flood ipi-init ipi-fixed; do
	run_until fault-$f 10 "fault-$f: .*\(no fault\|#UD\)" fault-$f
	expect "x86 fault-$f runs bare metal" "fault-$f: bare metal, about to"
done

echo "x86 inmates bare metal: $((checks - failures))/$checks passed (logs in $logdir)"
[ $failures -eq 0 ]
