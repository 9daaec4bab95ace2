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

run_until hello 20 "hello: done" hello
expect "x86 hello banner" "Hello from inmate hello"
expect "x86 hello bare metal" "hello: bare metal (multiboot)"
expect "x86 hello long mode, COM1" "hello: console com1, long mode"
expect "x86 hello ends" "hello: done"

echo "x86 inmates bare metal: $((checks - failures))/$checks passed (logs in $logdir)"
[ $failures -eq 0 ]
