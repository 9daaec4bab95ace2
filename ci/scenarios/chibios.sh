# Scenario chibios: ChibiOS/RT (the upstream kernel with its ARM port,
# built for ARMv7-A, and our BSP in inmates/chibios) in an AArch32 cell
# on CPU 2 (cells/arm64/chibios.c).
# - chibios-test: ChibiOS's own RT and OS-library test suites, unchanged.
#   Every test case must pass, counted from the suites' own report lines
#   ("--- Test Case", "--- Result: SUCCESS"), and both must end with
#   "Final result: SUCCESS".
# - chibios-fault: the kernel started, a thread writes outside the cell's
#   memory: only that cell fails, with Warden's message; the root runs on.
# - chibios-demo (cells/arm64/chibios-demo.c): the cell config's
#   rate-monotonic task set (admitted by `warden config check`) as
#   ChibiOS threads, run with wd-busy on every root CPU: after 12 s the
#   root reads the table with `warden cell stats`: 0 deadline misses, the
#   jobs of 10 s released, the overrunning task's jobs stopped. As in the
#   rtos scenario the root only sleeps during the window (no console
#   polling: it runs first, before console_follow).
# Booted with -icount (chibios.env): the suites check time windows.
# Without the ChibiOS sources (CHIBIOS_DIR, inmates/chibios/README.md) or
# arm-none-eabi-gcc the images are not built and the scenario says so.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
P='^\[chibios\] '
case $SYS in *gicv3*) GIC=3 ;; *) GIC=2 ;; esac
# Test cases the two suites run with inmates/chibios/chconf.h (RT 12
# sequences, OS library 9): fewer means a sequence was left out.
CASES=69

if [ ! -e $INMATES/chibios-test.bin ]; then
	skip "no ChibiOS images (build with CHIBIOS_DIR=...)"
fi

run_image() { # IMAGE: create, load, start the chibios cell
	check "$1: create" warden cell create $CELLS/chibios.cell
	check "$1: load" warden cell load chibios $INMATES/$1.bin
	check "$1: start" warden cell start chibios
}

load_pids=
start_load() { # one yielding load per root CPU, as in the rtos scenario
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
field() { echo "$1" | sed -n "s/.* $2 \([0-9]*\).*/\1/p"; }

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"

if [ -e $INMATES/chibios-demo.bin ]; then
	echo "### chibios-demo: the cell's RM task set beside a loaded root"
	check_output "admission: the RM set is admitted" "admitted \(RM" \
		warden config check "$SYS" $CELLS/chibios-demo.cell
	check "create chibios-demo" warden cell create $CELLS/chibios-demo.cell
	check "load chibios-demo" \
		warden cell load chibios-demo $INMATES/chibios-demo.bin
	start_load
	sleep 1
	check "start chibios-demo" warden cell start chibios-demo
	sleep 12
	check "the loads ran: $(echo $load_pids | wc -w) on $(nproc) CPUs" \
		test "$(echo $load_pids | wc -w)" = "$(nproc)"
	stop_load
	warden console >"$WD_CONSOLE_LOG"
	t10=$(grep -E '^\[chibios-demo\] chibios: t=10s total' "$WD_CONSOLE_LOG")
	echo "    $t10"
	{
		[ "$(field "$t10" misses)" = 0 ] &&
			pass "0 deadline misses in 10 s under load" ||
			fail "deadline misses under load: $t10"
		# 10 s of the set: 2500 + 1666 + 1000 + 833 jobs
		[ "$(field "$t10" released)" -ge 5990 ] 2>/dev/null &&
			pass "every job of 10 s released: $(field "$t10" released)" ||
			fail "jobs missing: $t10"
		[ "$(field "$t10" overruns)" -gt 0 ] 2>/dev/null &&
			pass "the overrunning 'fast' jobs were stopped" ||
			fail "no overrun counted: $t10"
	}
	warden cell stats chibios-demo >/tmp/chibios-rt.out 2>&1
	sed -n 's/^rt:/    rt:/p' /tmp/chibios-rt.out
	check "warden cell stats shows the task table" \
		grep -qE '^rt: fast +[1-9][0-9]* +[1-9][0-9]* ' /tmp/chibios-rt.out
	check "destroy chibios-demo" warden cell destroy chibios-demo
fi

console_follow

echo "### chibios-test: the RT and OS-library test suites"
run_image chibios-test
check "the kernel starts" \
	wait_console "${P}chibios: ChibiOS/RT 7\.0\.[0-9]+, port ARMv7" 60
# The root stays quiet meanwhile: no polling until the suites are done
sleep 60
check "both suites finished" \
	wait_console "${P}chibios: suites done" 600
cases=$(console_count "${P}--- Test Case ")
ok=$(console_count "${P}--- Result: SUCCESS$")
bad=$(console_count "${P}--- Result: FAILURE")
echo "    test cases: $cases run, $ok SUCCESS, $bad FAILURE"
grep -E "${P}(\*\*\* (Test Suite|Kernel|Port Info)|--- Result: FAILURE)" \
	"$WD_CONSOLE_LOG" | sed 's/^/    /'
[ "$cases" = $CASES ] && [ "$ok" = "$cases" ] && [ "$bad" = 0 ] &&
	pass "all $cases test cases of the two suites SUCCESS" ||
	fail "test cases: $cases run, $ok SUCCESS, $bad FAILURE"
check "two suites: Final result: SUCCESS" \
	wait_console "${P}Final result: SUCCESS$" 5 2
check "the cell is running" in_list chibios running 2 -
# After the suites the kernel idles (main sleeps): Warden's exits per
# second for the cell by cause (columns of `warden cell stats`)
cpu2_stats() { warden cell stats chibios | awk '$1 == 2 { print; exit }'; }
s1=$(cpu2_stats) t1=$(uptime_ms)
sleep 5
s2=$(cpu2_stats) t2=$(uptime_ms)
rates=$(echo "$s1 $s2 $((t2 - t1))" | awk '{ n = (NF - 1) / 2; ms = $NF
	split("cpu hypercall irq mmio psci sysreg smc other fault setway total", h)
	for (i = 2; i <= n; i++) printf "%s %.0f ", h[i], ($(i + n) - $i) * 1000 / ms }')
echo "    idle ChibiOS cell, exits/s: $rates"
irq=$(echo "$rates" | sed -n 's/.*irq \([0-9]*\).*/\1/p')
# GICv2 took 38-40/s before the BSP masked the timer until after the EOI.
{
	[ -n "$irq" ] && [ "$irq" -ge 800 ] && [ "$irq" -le 1200 ] &&
		pass "idle cell: $irq IRQ exits/s for the 1 kHz tick" ||
		fail "idle cell: IRQ exits/s '$irq' (expected about 1000): $rates"
}
check "the root runs on" root_runs
check "destroy" warden cell destroy chibios

echo "### chibios-fault: a thread writes outside the cell"
run_image chibios-fault
check "fault: the thread writes 0x60000000" \
	wait_console "${P}chibios: fault thread writes 0x60000000" 60
check "fault: Warden says: cell 'chibios' failed: stage-2 write abort at 0x60000000" \
	wait_console "^cell 'chibios' failed: stage-2 write abort at 0x60000000 \(cpu 2\)$" 30
check "fault: the cell is failed" in_list chibios failed 2 2
check_fails "fault: the thread did not run on" \
	grep -q "${P}chibios: still running after the fault" "$WD_CONSOLE_LOG"
check "fault: the root runs on" root_runs
check "fault: destroy the failed cell" warden cell destroy chibios
check "warden disable" warden disable
finish
