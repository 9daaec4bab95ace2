# Scenario freertos-bench (MANUAL=1, run by bench/freertos.sh): the tick
# latency FreeRTOS's tick handler sees (freertos-idle's report, counter at
# vApplicationIRQHandler minus the tick's deadline) in a trapping cell and,
# on GICv3, a direct-IRQ cell, each with the root idle and with wd-busy on
# every root CPU (the loads of `make bench` case (c)). Prints one
# "FRTBENCH CASE GIC n=.. min=.. mode=.. p99=.. max=.." line per case.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
case $SYS in *gicv3*) GIC=gicv3 ;; *) GIC=gicv2 ;; esac
check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
run() { # CASE CELL IMAGE idle|load
	check "$1: create" warden cell create $CELLS/$2.cell
	check "$1: load" warden cell load freertos $INMATES/$3.bin
	[ "$4" = load ] && start_load
	sleep 1
	check "$1: start" warden cell start freertos
	sleep 12 # the root only sleeps: 10 s of ticks, the report at t=10s
	[ "$4" = load ] && { check "$1: the loads had their CPUs: $(load_report)" load_ran 12; stop_load; }
	line=$(warden console | grep -a "t=10s tick latency" | tail -n 1)
	echo "FRTBENCH $1 $GIC $(echo "$line" | sed -n 's/.*tick latency \(n=[^(]*\).*/\1/p')"
	check "$1: report at t=10s" test -n "$line"
	warden cell stats freertos | grep -E "^ *(CPU|3) " | sed 's/^/    /'
	check "$1: destroy" warden cell destroy freertos
}
# a fresh console ring per case would need a new enable: the report line
# of each case is the ring's last "t=10s" line
run b freertos freertos-idle-$GIC idle
run c freertos freertos-idle-$GIC load
if [ $GIC = gicv3 ]; then
	run d freertos-direct freertos-idle-gicv3-direct idle
	run d1 freertos-direct freertos-idle-gicv3-direct load
fi
check "warden disable" warden disable
finish
