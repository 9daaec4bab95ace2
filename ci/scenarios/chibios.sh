# Scenario chibios: ChibiOS/RT (the upstream kernel with its ARM port,
# built for ARMv7-A, and our BSP in inmates/chibios) in an AArch32 cell
# on CPU 2 (cells/arm64/chibios.c).
# - chibios-test: ChibiOS's own RT and OS-library test suites, unchanged.
#   Every test case must pass, counted from the suites' own report lines
#   ("--- Test Case", "--- Result: SUCCESS"), and both must end with
#   "Final result: SUCCESS".
# - chibios-fault: the same, then a thread writes outside the cell's
#   memory: only that cell fails, with Warden's message; the root runs on.
# Booted with -icount (chibios.env): the suites check time windows.
# Without the ChibiOS sources (CHIBIOS_DIR, inmates/chibios/README.md) or
# arm-none-eabi-gcc the images are not built and the scenario says so.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
P='^\[chibios\] '
# Test cases the two suites run with inmates/chibios/chconf.h (RT 12
# sequences, OS library 9): fewer means a sequence was left out.
CASES=69

if [ ! -e $INMATES/chibios-test.bin ]; then
	echo "chibios: SKIPPED: no ChibiOS images (build with CHIBIOS_DIR=...)"
	finish
	exit 0
fi

run_image() { # IMAGE: create, load, start the chibios cell
	check "$1: create" warden cell create $CELLS/chibios.cell
	check "$1: load" warden cell load chibios $INMATES/$1.bin
	check "$1: start" warden cell start chibios
}

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
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
check "the root runs on" root_runs
check "destroy" warden cell destroy chibios

echo "### chibios-fault: a thread writes outside the cell"
run_image chibios-fault
sleep 60
check "fault: the thread writes 0x60000000" \
	wait_console "${P}chibios: fault thread writes 0x60000000" 600
check "fault: Warden says: cell 'chibios' failed: stage-2 write abort at 0x60000000" \
	wait_console "^cell 'chibios' failed: stage-2 write abort at 0x60000000 \(cpu 2\)$" 30
check "fault: the cell is failed" in_list chibios failed 2 2
check_fails "fault: the thread did not run on" \
	grep -q "${P}chibios: still running after the fault" "$WD_CONSOLE_LOG"
check "fault: the root runs on" root_runs
check "fault: destroy the failed cell" warden cell destroy chibios
check "warden disable" warden disable
finish
