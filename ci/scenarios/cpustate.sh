# Scenario cpustate: PMU, debug and cache state between owners of a CPU
# (Documentation/hypervisor.md, "EL2 controls"). The root leaves odd
# values in CPU 3's PMU and debug registers (test-only module
# warden-cpustate.ko; every PMU access traps and is emulated, so the
# read-back checks that too); the cpustate inmate on CPU 3 must find
# them reset, gets SMCCC answers, cleans and invalidates all caches by
# set/way (trapped, counted, harmless), cannot make the PMU count at
# EL2, and leaves traces of its own that neither its restart nor the
# root, once CPU 3 is back, may see.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
KO=/lib/warden/test/warden-cpustate.ko
CTL=/sys/kernel/debug/warden-cpustate/ctl
C='^\[demo\] cpustate: '

# console_value REGEX FIELD: field FIELD of the last console line matching
console_value() { grep -E -- "$1" "$WD_CONSOLE_LOG" | tail -n 1 | awk -v f="$2" '{ print $f }'; }

check "modprobe warden" modprobe warden
check "enable" warden enable "$SYS"
console_follow
check "insmod warden-cpustate.ko" insmod $KO

echo "### root -> cell: the root leaves PMU and debug state on CPU 3"
check "the root writes CPU 3's PMU and debug registers" sh -c "echo dirty 3 > $CTL"
cat $CTL
check_output "... and reads back what it wrote (PMU emulated at EL2)" \
	'readback ok' cat $CTL
check_output "... except PMCCFILTR.NSH (no counting at EL2)" 'nsh cleared' cat $CTL
check "create demo (CPU 3)" warden cell create $CELLS/demo.cell
check "load cpustate" warden cell load demo $INMATES/cpustate.bin
check "start" warden cell start demo
check "the inmate is alive" wait_console "${C}alive 1" 60
grep -E "$C" "$WD_CONSOLE_LOG" | grep -v alive
check "cell entry: PMU and debug registers at reset values" \
	wait_console "${C}entry state clean" 1
check "the cell saw PMU counters (the check is not empty)" \
	sh -c "grep -Eq '${C}[1-9][0-9]* PMU counters' $WD_CONSOLE_LOG"

echo "### SMCCC"
check "SMCCC_VERSION is 1.1, PSCI_FEATURES(SMCCC_VERSION) says so" \
	wait_console "${C}smccc version 0x10001, arch features: version 0, .*psci features\(version\) 0" 1
# QEMU's firmware (no EL3) has no SMCCC 1.1: no workaround offered.
check "ARCH_FEATURES of the workarounds: the firmware's answer (none on QEMU)" \
	wait_console "${C}smccc .*wa1 -1, wa2 -1, wa3 -1;" 1

echo "### set/way"
ops=$(console_value "${C}set/way ops" 5)
echo "inmate: $ops set/way ops; Warden: $(cell_stat demo 3 setway)"
check "every set/way operation trapped and counted ($ops)" \
	test -n "$ops" -a "$(cell_stat demo 3 setway)" = "$ops"
check "the cell runs on after them" wait_console "${C}alive 3" 20
check "the root runs on" root_runs

echo "### no counting at EL2"
check "counters filtered to EL2 only stay 0 over 1000 hypercalls" \
	wait_console "${C}EL2-only counts over 1000 hypercalls: cycles 0 events 0 " 1
el1=$(console_value "${C}EL1\+EL2 counts" 9)
check "the same counters with EL1 counted do count ($el1 cycles)" \
	test -n "$el1" -a "${el1:-0}" -gt 0

echo "### cell -> cell: restart"
check "the inmate left traces" wait_console "${C}left traces" 1
check "shutdown" warden cell shutdown demo
check "start again" warden cell start demo
check "restarted: entry state clean again" wait_console "${C}entry state clean" 60 2
check "restarted: no register dirty" \
	sh -c "! grep -Eq '${C}(DIRTY|entry state dirty)' $WD_CONSOLE_LOG"
check "restarted: alive" wait_console "${C}left traces" 60 2

echo "### cell -> root: CPU 3 back"
check "destroy demo" warden cell destroy demo
check "CPU 3 is Linux's again" test "$(cat /sys/devices/system/cpu/cpu3/online)" = 1
check "read CPU 3's registers" sh -c "echo show 3 > $CTL"
cat $CTL
check_output "the root finds no PMU event filter of the cell" 'typers clean' cat $CTL
check "the root runs on" root_runs
check "rmmod warden-cpustate" rmmod warden-cpustate
check "disable" warden disable
finish
