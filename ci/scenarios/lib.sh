# Guest-side helpers for e2e scenarios (busybox sh). Each check prints one
# "CHECK PASS|FAIL: what" line; `finish` prints the summary the host reads.
# The board's addresses and IRQs (QEMU_VIRT_*: configs/arm64/
# qemu-virt-board.h), generated into the image by ci/mkboard.sh.
. /scenarios/board.sh
# kept when one scenario sources another (direct-irq runs faults.sh)
WD_PASS=${WD_PASS:-0}
WD_FAIL=${WD_FAIL:-0}
pass() { echo "CHECK PASS: $*"; WD_PASS=$((WD_PASS + 1)); }
fail() { echo "CHECK FAIL: $*"; WD_FAIL=$((WD_FAIL + 1)); }
# check "what" cmd args...: passes when cmd exits 0
check() {
	what=$1; shift
	if "$@" >/tmp/check.out 2>&1; then pass "$what"; else
		fail "$what (exit $?)"; sed 's/^/    /' /tmp/check.out; fi
}
# check_fails "what" cmd args...: passes when cmd runs and exits non-zero
# (126/127, "cannot run" and "not found", are failures of the test itself)
check_fails() {
	what=$1; shift
	"$@" >/tmp/check.out 2>&1
	rc=$?
	case $rc in
	0) fail "$what (unexpected success)" ;;
	126 | 127) fail "$what (could not run: exit $rc)" ;;
	*) pass "$what"; return ;;
	esac
	sed 's/^/    /' /tmp/check.out
}
# check_output "what" "regex" cmd args...: passes when output matches
check_output() {
	what=$1 re=$2; shift 2
	"$@" >/tmp/check.out 2>&1
	if grep -Eq -- "$re" /tmp/check.out; then pass "$what"; else
		fail "$what (no match for '$re')"; sed 's/^/    /' /tmp/check.out; fi
}
# the system config matching the booted GIC version
wd_system_config() {
	if grep -q 'arm,gic-v3' /proc/device-tree/intc*/compatible 2>/dev/null; then
		echo /etc/warden/qemu-virt-gicv3.cell
	else
		echo /etc/warden/qemu-virt-gicv2.cell
	fi
}
finish() {
	echo "SCENARIO DONE pass=$WD_PASS fail=$WD_FAIL"
}
# skip WHY: the image lacks what the scenario needs because the build left
# it out (third-party sources, a cross compiler): the host counts SKIPPED,
# or FAILED under WARDEN_REQUIRE_THIRD_PARTY=1 (ci/e2e-verdict.sh)
skip() {
	echo "SCENARIO SKIPPED: $*"
	exit 0
}
# The Warden console ring is one page: scenarios that read a lot of it
# follow it into a file from enable on and grep that file instead.
WD_CONSOLE_LOG=/tmp/console.log
console_follow() { warden console -f >"$WD_CONSOLE_LOG" 2>&1 & }
console_count() { grep -Ec -- "$1" "$WD_CONSOLE_LOG"; }
# wait_console REGEX [SECONDS] [COUNT]: until REGEX matched COUNT lines
wait_console() {
	local n=0
	while [ "$(console_count "$1")" -lt "${3:-1}" ]; do
		[ $n -ge $((${2:-20} * 10)) ] && return 1
		sleep 0.1
		n=$((n + 1))
	done
}
# Helpers shared by several scenarios.
uptime_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
# root_runs [MAX_MS] [all]: the root is alive: a second of sleep lasts
# 990..MAX_MS ms, and a short loop runs on CPU 0, or with "all" on every
# online CPU. The sleep must not end early; the upper bound (10 s by
# default) only catches a root that stopped: a PREEMPT_RT root on a
# loaded 2-core host took over 2 s. Says why on failure (check prints it).
root_runs() {
	local start end c cpus=0
	start=$(uptime_ms)
	sleep 1
	end=$(uptime_ms)
	echo "sleep 1 took $((end - start)) ms"
	[ $((end - start)) -ge 990 ] && [ $((end - start)) -le "${1:-10000}" ] ||
		return 1
	[ "${2:-}" = all ] && cpus=$(seq 0 $(($(nproc --all) - 1)))
	for c in $cpus; do
		[ "$(cat /sys/devices/system/cpu/cpu$c/online 2>/dev/null || echo 1)" = 1 ] || continue
		taskset -c "$c" sh -c 'i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done' ||
			{ echo "the loop on CPU $c failed"; return 1; }
	done
}
# in_list NAME STATE CPUS FAILED: one row of `warden cell list` ('*': any)
in_list() {
	warden cell list | awk -v n="$1" -v s="$2" -v c="$3" -v f="$4" \
		'$2 == n && $3 == s && (c == "*" || $4 == c) && $5 == f { ok = 1 }
		 END { exit !ok }'
}
# cell_stat CELL CPU COLUMN: a counter of `warden cell stats CELL` (by title)
cell_stat() {
	warden cell stats "$1" | awk -v c="$2" -v n="$3" \
		'$1 == "CPU" { for (i = 2; i <= NF; i++) col[$i] = i }
		 $1 == c && col[n] { print $col[n] }'
}
mem_free_kb() { # after dropping caches, so that only real use counts
	sync
	echo 3 >/proc/sys/vm/drop_caches
	awk '/^MemFree:/ { print $2 }' /proc/meminfo
}
# A root load for the real-time scenarios (rtos, freertos-demo): one
# yielding wd-busy per online root CPU (docs/bench/latency.md). start_load
# records the start; load_ran SECONDS checks the loads ran that long, each
# >= 90 % of it on its CPU; load_report prints their CPU seconds.
load_pids=
start_load() {
	for cpu in $(seq 0 $(($(nproc --all) - 1))); do
		[ "$(cat /sys/devices/system/cpu/cpu$cpu/online 2>/dev/null || echo 1)" = 1 ] || continue
		taskset -c "$cpu" wd-busy 4096 &
		load_pids="$load_pids $!"
	done
	load_t0=$(cut -d' ' -f1 /proc/uptime)
}
stop_load() {
	kill $load_pids 2>/dev/null
	wait $load_pids 2>/dev/null
	load_pids=
}
# seconds (of the root's clock: virtual time) since start_load
load_seconds() { awk -v a="$load_t0" '{ printf "%d", $1 - a }' /proc/uptime; }
# CPU seconds each load process got, e.g. "12.1 12.0 12.1 of 12"
load_report() {
	for pid in $load_pids; do
		awk '{ printf "%.1f ", ($14 + $15) / 100 }' /proc/$pid/stat
	done
	echo "of $(load_seconds) s"
}
# load_ran SECONDS: the loads ran that long, each on its CPU >= 90 % of it
load_ran() {
	[ "$(load_seconds)" -ge "$1" ] || return 1
	for pid in $load_pids; do
		awk -v s="$(load_seconds)" '{ exit !($14 + $15 >= 90 * s) }' \
			/proc/$pid/stat || return 1
	done
}

# The Linux cell's shell (linux-cell.sh, vnet.sh): its console is the
# root's virtio port named "cell", logged to $CELL_LOG and written on
# descriptor 3 by the scenario.
# cell_port: that port, as vportNpM.
cell_port() {
	for n in /sys/class/virtio-ports/*/name; do
		[ "$(cat "$n" 2>/dev/null)" = cell ] && basename "$(dirname "$n")"
	done
}
# wait_cell REGEX [SECONDS] [COUNT]: until the cell's console shows REGEX
# (COUNT times); not when the cell stopped meanwhile.
wait_cell() {
	t=0
	while [ "$(tr -d '\r' <"$CELL_LOG" | grep -Ec -- "$1")" -lt "${3:-1}" ]; do
		[ $t -ge $((${2:-60} * 10)) ] && return 1
		[ $((t % 10)) = 9 ] && warden cell list |
			grep -Eq " linux  *(failed|shut-down)" && return 1
		sleep 0.1
		t=$((t + 1))
	done
}
# cell_run [SECONDS] CMD...: runs CMD in the cell's shell (30 s unless
# told); its output goes to /tmp/cell.out (between two markers).
CELL_SEQ=0
cell_run() {
	secs=30
	case $1 in [0-9]*) secs=$1 && shift ;; esac
	CELL_SEQ=$((CELL_SEQ + 1))
	echo "echo @@start$CELL_SEQ; $*; echo @@end$CELL_SEQ" >&3
	wait_cell "^@@end$CELL_SEQ" "$secs" || return 1
	tr -d '\r' <"$CELL_LOG" |
		sed -n "/^@@start$CELL_SEQ\$/,/^@@end$CELL_SEQ\$/p" |
		sed '1d;$d' >/tmp/cell.out
}
