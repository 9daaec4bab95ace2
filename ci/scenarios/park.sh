# Scenario park: what a parked CPU must survive (issue 19, the GICv2
# destroy hang). Both parts in cell `race` (CPUs 2, 3).
# 1. refire (inmates/demos/refire.c, CPU 3 stays parked): a level timer
#    IRQ whose line is high again at its EOI (re-armed with a passed
#    deadline before the handler returns) is taken again at once. QEMU
#    7.2's GICv2 signals such an IRQ only at the next change of another
#    GIC input or register; Warden's parked CPUs make one every
#    millisecond (arch/arm64/gicv2.c). The worst is then 1-2 ms (an
#    expiry before the EOI does not help, the next one does); before,
#    74-84 ms: it waited for the root's next timer, and forever for a
#    root with one CPU left. -icount (park.env): virtual time.
# 2. parklevel (inmates/demos/parklevel.c): the cell powers itself off
#    with its PMU overflow PPI asserted. Started again it runs again,
#    and after the destroy the root gets CPU 2 back: before, the parked
#    CPU took that PPI over and over and never saw a power-on.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
WORST_US=5000
P='^\[race\] parklevel:'

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow

echo "### refire"
check "create race (CPUs 2, 3)" warden cell create $CELLS/race.cell
check "load refire" warden cell load race $INMATES/refire.bin
check "start refire on CPU 2" warden cell start race
check "three windows of 200 re-fires" \
	wait_console '^\[race\] refire: window 3:' 60
grep '^\[race\] refire: window' "$WD_CONSOLE_LOG" | head -3
for w in 1 2 3; do
	us=$(sed -n "s/^\[race\] refire: window $w: .* worst \([0-9]*\) us$/\1/p" \
		"$WD_CONSOLE_LOG")
	check "window $w: worst re-fire ${us:-?} us <= $WORST_US us" \
		test "${us:-999999}" -le $WORST_US
done
check "destroy race" warden cell destroy race

echo "### parklevel"
check "create race again" warden cell create $CELLS/race.cell
check "load parklevel" warden cell load race $INMATES/parklevel.bin
check "start parklevel" warden cell start race
check "it powers off with PPI 23 asserted" \
	wait_console "^cell 'race' shut down: PSCI SYSTEM_OFF \(cpu 2\)$" 20
check "list: shut-down" in_list race shut-down 2-3 -
check "start it again" warden cell start race
check "it runs again" wait_console "$P PMU overflow IRQ asserted" 10 2
check "... and powers off again" \
	wait_console "^cell 'race' shut down: PSCI SYSTEM_OFF" 10 2
check_fails "it never ran on past SYSTEM_OFF" \
	grep -q "$P still running" "$WD_CONSOLE_LOG"
check "destroy race" warden cell destroy race
check "the root has its 4 CPUs" test "$(nproc)" = 4
check "warden disable" warden disable
finish
