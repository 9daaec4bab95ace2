# Scenario psci-race (issue 15, item 1): the two CPUs of cell `race` power
# each other on and off (PSCI CPU_ON / AFFINITY_INFO / CPU_OFF) while the
# root shuts the cell down 200 times and destroys it 200 times. After each
# stop no CPU of the cell may run (its exit counters stand still), the
# cell must start again at once, and after each destroy the root's CPUs
# must all be Linux's again. A power-on granted just before the park used
# to wake a CPU in the stopped cell, or in the root at the cell's entry.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
ROUNDS=${ROUNDS:-200}

# the cell's exit counters do not move for a while: none of its CPUs runs
stats_still() {
	local a b
	a=$(warden cell stats race) || return 1
	sleep 0.05
	b=$(warden cell stats race) || return 1
	[ "$a" = "$b" ]
}
all_cpus_linux() {
	[ "$(nproc)" = "$NCPU" ] &&
		[ "$(cat /sys/devices/system/cpu/online)" = "$ONLINE" ]
}
# a short, varying time for the CPUs to race before the root stops them
pause() { usleep $((($1 % 7) * 1500 + 500)); }

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
NCPU=$(nproc)
ONLINE=$(cat /sys/devices/system/cpu/online)

check "create race (CPUs 2, 3)" warden cell create $CELLS/race.cell
check "load race" warden cell load race $INMATES/race.bin
check "start race" warden cell start race
check "both CPUs race" wait_console '^\[race\] race: CPUs 2 and 3 racing'
check "CPU 2 is being powered on and off" test "$(cell_stat race 2 psci)" -gt 0

echo "### $ROUNDS shutdowns while the CPUs race"
stop_err=0 ran=0 start_err=0 i=0
while [ $i -lt "$ROUNDS" ]; do
	pause $i
	warden cell shutdown race >/dev/null 2>&1 || stop_err=$((stop_err + 1))
	stats_still || ran=$((ran + 1))
	warden cell start race >/dev/null 2>&1 || start_err=$((start_err + 1))
	i=$((i + 1))
done
check "every shutdown succeeded" test $stop_err = 0
check "no CPU of the cell ran after its shutdown ($ran of $ROUNDS did)" test $ran = 0
check "every restart succeeded at once ($start_err failed)" test $start_err = 0
check "the cell still races after the restarts" \
	sh -c 'a=$(warden cell stats race); sleep 0.2; [ "$a" != "$(warden cell stats race)" ]'
check "destroy race" warden cell destroy race
check "the root has its CPUs back" all_cpus_linux

echo "### $ROUNDS destroys while the CPUs race"
cyc_err=0 lost=0 i=0
while [ $i -lt "$ROUNDS" ]; do
	if warden cell create $CELLS/race.cell >/dev/null 2>&1 &&
		warden cell load race $INMATES/race.bin >/dev/null 2>&1 &&
		warden cell start race >/dev/null 2>&1; then
		pause $i
		warden cell destroy race >/dev/null 2>&1 || cyc_err=$((cyc_err + 1))
	else
		cyc_err=$((cyc_err + 1))
		warden cell destroy race >/dev/null 2>&1
	fi
	all_cpus_linux || lost=$((lost + 1))
	i=$((i + 1))
done
check "every create/start/destroy succeeded ($cyc_err failed)" test $cyc_err = 0
check "after every destroy the root's CPUs were all Linux's ($lost were not)" test $lost = 0
check "no root CPU took a fault" sh -c '! grep -q "^root: " '"$WD_CONSOLE_LOG"
check "Warden never dropped a power-on for another cell" \
	sh -c '! grep -q "power-on for another cell" '"$WD_CONSOLE_LOG"
each_cpu_works() {
	local c
	for c in $(seq 0 $((NCPU - 1))); do taskset -c "$c" true || return 1; done
}
check "each CPU runs Linux work" each_cpu_works
check "warden disable" warden disable
check "the machine is still up after disable" test "$(nproc)" = "$NCPU"
finish
