# Scenario el2costs: the actions bench/el2-costs.sh counts EL2
# instructions of (with ci/run-qemu.sh --trace) and times: `warden
# enable` (the driver's "enable took X us", the whole call, and "enabled
# on N CPUs in Y us", entering the CPUs; virtual time under --icount), an
# idle root (timer IRQs), a cell printing a line a second (conwrite),
# doorbells both ways (warden-shm-ping and the echo cell).
# Each figure the guest reads is printed as "EL2COST NAME VALUE".
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
ENABLES=${ENABLES:-3}

dmesg_us() { # PATTERN: the driver's last figure before " us"
	dmesg | sed -n "s/.*warden: $1 \([0-9]*\) us.*/\1/p" | tail -n 1
}

check "modprobe warden" modprobe warden
for i in $(seq 1 "$ENABLES"); do
	check "enable $i" warden enable "$SYS"
	echo "EL2COST enable_us $(dmesg_us 'enable took')"
	echo "EL2COST enter_us $(dmesg_us 'enabled on [0-9]* CPUs in')"
	check "disable $i" warden disable
done
check "enable" warden enable "$SYS"
console_follow
echo "EL2COST mark idle"
sleep 2
# An idle hello: its exits in 3 s (warden cell stats, every cause; under
# icount its tick loop spins, so a virtual second is slow to run)
exits() { cell_stat demo 3 total; }
check "create demo" warden cell create $CELLS/demo.cell
check "load hello" warden cell load demo $INMATES/hello.bin
check "start hello" warden cell start demo
check "hello ticks" wait_console '^\[demo\] hello: tick 1$' 60
e0=$(exits)
sleep 3
echo "EL2COST hello_exits_3s $(($(exits) - e0))"
check "destroy demo" warden cell destroy demo
check "create demo" warden cell create $CELLS/demo.cell
check "load conwrite" warden cell load demo $INMATES/conwrite.bin
check "start demo" warden cell start demo
check "conwrite ticks" wait_console '^\[demo\] conwrite: tick 3$' 60
check "destroy demo" warden cell destroy demo
check "create echo" warden cell create $CELLS/echo.cell
check "load echo" warden cell load echo $INMATES/echo.bin
check "start echo" warden cell start echo
check "echo ready" wait_console '^\[echo\] echo: ready' 60
check_output "20 doorbell round trips" '20 round trips checked' \
	warden-shm-ping -n 20
check "destroy echo" warden cell destroy echo
check "disable" warden disable
finish
