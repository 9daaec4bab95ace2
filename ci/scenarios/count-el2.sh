# Scenario count-el2: the guest half of bench/count-el2.sh (MANUAL: it
# only makes sense with the host tracing EL2). Root on CPUs 0-1, a
# trapping cell with a 1 kHz timer (demo2: timer inmate, CPU 2), the echo
# cell (CPU 3). Between the two COUNT-EL2 lines the host traces every EL2
# instruction; the root rings the echo cell 20 times meanwhile, and the
# echo cell rings back each time.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
check "create demo2" warden cell create $CELLS/demo2.cell
check "load timer" warden cell load demo2 $INMATES/timer.bin
check "start demo2" warden cell start demo2
check "create echo" warden cell create $CELLS/echo.cell
check "load echo" warden cell load echo $INMATES/echo.bin
check "start echo" warden cell start echo
check "echo is ready" wait_console '^\[echo\] echo: ready' 20
check "the timer cell runs" wait_console '^\[demo2\] timer: t=' 20
echo "COUNT-EL2: window start"
sleep "${COUNT_EL2_SETTLE:-3}"
check "20 round trips" warden-shm-ping -n 20
sleep 1
echo "COUNT-EL2: window end"
sleep 3
check "destroy echo" warden cell destroy echo
check "destroy demo2" warden cell destroy demo2
check "warden disable" warden disable
finish
