# Scenario rtos-bench (MANUAL=1, run by bench/rtos.sh in `make bench`):
# the tick latency a real RTOS's tick handler sees, from the idle images'
# report at t=10s (tick_latency.c: counter at the handler minus the
# tick's deadline): FreeRTOS (freertos-idle, CPU 3) and ChibiOS
# (chibios-idle, AArch32, CPU 2), each in a trapping cell and, on GICv3,
# a direct-IRQ cell, with the root idle and with wd-busy on every root
# CPU (the loads of `make bench` case (c)). One line per case:
#   RTOSBENCH RTOS CASE GIC n=.. min=.. mode=.. p99=.. max=..
# An RTOS whose images were not built is left out with a line saying so.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
case $SYS in *gicv3*) GIC=gicv3 ;; *) GIC=gicv2 ;; esac
check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
# run RTOS CASE CELLFILE IMAGE idle|load: the cell's name is the RTOS's
run() {
	check "$1 $2: create" warden cell create $CELLS/$3.cell
	check "$1 $2: load" warden cell load "$1" $INMATES/$4.bin
	[ "$5" = load ] && start_load
	sleep 1
	check "$1 $2: start" warden cell start "$1"
	sleep 12 # the root only sleeps: 10 s of ticks, the report at t=10s
	[ "$5" = load ] && { check "$1 $2: the loads had their CPUs: $(load_report)" load_ran 12; stop_load; }
	# the ring's last t=10s line of this RTOS is this case's
	line=$(warden console | grep -a "^\[$1\] .*t=10s tick latency" | tail -n 1)
	echo "RTOSBENCH $1 $2 $GIC $(echo "$line" | sed -n 's/.*tick latency \(n=[^(]*\).*/\1/p')"
	check "$1 $2: report at t=10s" test -n "$line"
	warden cell stats "$1" | sed 's/^/    /'
	check "$1 $2: destroy" warden cell destroy "$1"
}
cases() { # RTOS TRAPPING-CELL DIRECT-CELL IMAGE DIRECT-IMAGE
	if [ ! -e $INMATES/$4.bin ]; then
		echo "RTOSBENCH $1 not built ($4.bin missing)"
		return
	fi
	run "$1" b "$2" "$4" idle
	run "$1" c "$2" "$4" load
	[ $GIC = gicv3 ] || return
	run "$1" d "$3" "$5" idle
	run "$1" d1 "$3" "$5" load
}
cases freertos freertos freertos-direct freertos-idle-$GIC freertos-idle-gicv3-direct
cases chibios chibios chibios-direct chibios-idle chibios-idle
check "warden disable" warden disable
finish
