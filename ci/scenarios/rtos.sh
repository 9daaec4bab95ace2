# Scenario rtos: the RTOS inmate in a cell with its task set from the cell
# config (EDF, U 0.800, admitted by `warden config check`) runs for a fixed
# virtual time with 0 deadline misses beside an idle root (the root sleeps
# through the measurement and reads the console afterwards); the same under
# a root load is run and its figures printed, not checked: with one TCG
# thread, QEMU runs a busy root vCPU for its whole slice (up to a Linux
# tick) before the cell's vCPU takes its timer IRQ, which delays that IRQ
# by milliseconds: the emulator's tail, see docs/bench/latency.md;
# the overloaded set (U 1.100) is refused by admission control, and when
# forced in with the test flag --no-admission its stats show misses.
# Booted with -icount (rtos.env): time is instruction-driven, repeatable.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
RTOS=/lib/warden/inmates/rtos.bin
load_pids=

start_load() { # one yielding load per root CPU (see docs/bench/latency.md)
	for cpu in $(seq 0 $(($(nproc --all) - 1))); do
		[ "$(cat /sys/devices/system/cpu/cpu$cpu/online 2>/dev/null || echo 1)" = 1 ] || continue
		taskset -c "$cpu" wd-busy 4096 &
		load_pids="$load_pids $!"
	done
}
stop_load() {
	kill $load_pids 2>/dev/null
	wait $load_pids 2>/dev/null
	load_pids=
}
# the last "total" line the RTOS printed for the given second
totals_at() { grep -E "^\[rtos\] rtos: t=$1s total" "$WD_CONSOLE_LOG" | tail -n 1; }
field() { echo "$1" | sed -n "s/.* $2 \([0-9]*\).*/\1/p"; }

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
check_output "admission: the EDF set is admitted" "admitted \(EDF" \
	warden config check "$SYS" $CELLS/rtos.cell
check_fails "admission: the overloaded set is refused" \
	warden config check "$SYS" $CELLS/rtos-overload.cell
check_output "admission: says why" "utilisation 1.100 > 1" \
	warden config check "$SYS" $CELLS/rtos-overload.cell
check_fails "cell create refuses the overloaded set" \
	warden cell create $CELLS/rtos-overload.cell

echo "### admitted set, root idle"
check "create rtos" warden cell create $CELLS/rtos.cell
check "load rtos" warden cell load rtos $RTOS
check "start rtos" warden cell start rtos
sleep 6 # an idle root: no polling during the measurement
warden console >"$WD_CONSOLE_LOG"
t5=$(totals_at 5)
echo "    $t5"
[ "$(field "$t5" misses)" = 0 ] && pass "0 deadline misses in 5 s" ||
	fail "deadline misses: $t5"
[ "$(field "$t5" released)" -gt 1000 ] && pass "jobs released: $(field "$t5" released)" ||
	fail "too few jobs: $t5"
[ "$(field "$t5" overruns)" -gt 0 ] && pass "the overrunning 'log' jobs were stopped" ||
	fail "no overrun counted: $t5"
echo "### the same under a root load (figures only, see the header)"
console_follow
start_load
check "stats after 10 s of virtual time" wait_console '^\[rtos\] rtos: t=10s total' 240
stop_load
echo "    under load: $(totals_at 10) (misses counted since start)"
grep -E '^\[rtos\] rtos: t=10s EDF' "$WD_CONSOLE_LOG" | tail -n 1 | sed 's/^/    /'
check "destroy rtos" warden cell destroy rtos

echo "### overloaded set forced in with --no-admission"
check "create with --no-admission" \
	warden cell create --no-admission $CELLS/rtos-overload.cell
check "load rtos" warden cell load rtos $RTOS
before=$(console_count '^\[rtos\] rtos: t=3s total')
check "start rtos" warden cell start rtos
check "stats after 3 s" wait_console '^\[rtos\] rtos: t=3s total' 120 $((before + 1))
# rtos.bin's built-in set is the admitted one (tasks ctrl, sensor, ...):
# tasks a..d prove it runs the set Warden copied from the cell config
check "the RTOS runs the cell config's task set" \
	grep -q '^\[rtos\] rtos:   d  ' "$WD_CONSOLE_LOG"
t3=$(totals_at 3)
echo "    $t3"
[ "$(field "$t3" misses)" -gt 0 ] && pass "the overload shows deadline misses" ||
	fail "no misses in the overload: $t3"
check "destroy rtos" warden cell destroy rtos
check "warden disable" warden disable
finish
