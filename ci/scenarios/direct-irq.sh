# Scenario direct-irq (GICv3): a cell with WD_CELL_DIRECT_IRQ takes its
# interrupts at EL1 with no trap to Warden (its CPU runs with HCR_EL2.IMO
# clear), and Warden still controls it through its Group-0 SGI (an FIQ).
#  - checker: admitted on GICv3, refused on GICv2 with the reason;
#  - the `direct` inmate takes ~1000 timer IRQs a second while Warden's
#    IRQ count for its CPU stays 0 (a trapping cell beside it counts
#    them); PMR does not mask there, DAIF does; SGIs to itself arrive;
#  - SGIs it sends to the root's CPUs and another cell's CPU are dropped;
#  - touching Warden's SGI (disable, priority, group) or sending a
#    Group-0 SGI fails the cell; shutdown, start and destroy work;
#  - then every check of the faults scenario runs against it;
#  - last, the limit: a cell that marks priority 0 active in ICC_AP1R0
#    holds Warden's SGI off: shutdown times out (-ETIMEDOUT) and nothing
#    else is harmed (Documentation/interrupts.md). Its CPU stays lost.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates

# the last report line of cell $1 with field $2
last_field() {
	grep -E "^\[$1\] direct: t=" "$WD_CONSOLE_LOG" | tail -n 1 |
		sed -n "s/.* $2 \([0-9]*\).*/\1/p"
}
# wait_more REGEX [SECONDS]: one more line matches REGEX than now
wait_more() { wait_console "$1" "${2:-30}" $(($(console_count "$1") + 1)); }
start_direct() { # start_direct INMATE: the direct cell runs INMATE
	check "$1: create demo (direct IRQ)" warden cell create $CELLS/demo-direct.cell
	check "$1: load" warden cell load demo $INMATES/$1.bin
	check "$1: start" warden cell start demo
}
# fails_with CASE KIND: direct-CASE fails the cell with KIND
fails_with() {
	local before
	before=$(console_count "^cell 'demo' failed: $2")
	start_direct direct-$1
	check "direct-$1: Warden says: $2" \
		wait_console "^cell 'demo' failed: $2" 60 $((before + 1))
	check "direct-$1: listed as failed on CPU 3" in_list demo failed "*" 3
	check "direct-$1: demo2 runs on" wait_more '^\[demo2\] direct: t='
	check "direct-$1: destroy" warden cell destroy demo
}

echo "### checker"
check "admitted with the GICv3 system" \
	warden config check /etc/warden/qemu-virt-gicv3.cell $CELLS/demo-direct.cell
check_output "refused with the GICv2 system, says why" \
	"direct IRQ delivery needs GICv3, the platform has GICv2" \
	warden config check /etc/warden/qemu-virt-gicv2.cell $CELLS/demo-direct.cell

check "modprobe warden" modprobe warden
check "enable" warden enable "$SYS"
console_follow
echo "### a trapping cell beside it (demo2, CPU 2) counts every SGI it gets"
check "create demo2" warden cell create $CELLS/demo2.cell
check "load direct into demo2" warden cell load demo2 $INMATES/direct.bin
check "start demo2" warden cell start demo2
check "demo2 reports" wait_console '^\[demo2\] direct: t=2s' 60

echo "### direct delivery"
start_direct direct
check "demo reports for 3 s" wait_console '^\[demo\] direct: t=3s' 60
irqs=$(last_field demo irqs)
traps=$(cell_stat demo 3 irq)
[ "${irqs:-0}" -ge 500 ] && [ "$traps" = 0 ] &&
	pass "demo took $irqs timer IRQs, Warden took 0 on CPU 3" ||
	fail "demo: $irqs IRQs taken, Warden's IRQ count on CPU 3: '$traps'"
t2=$(cell_stat demo2 2 irq)
[ "${t2:-0}" -ge 1000 ] && pass "the trapping demo2: Warden took $t2 IRQs on CPU 2" ||
	fail "demo2: Warden's IRQ count on CPU 2: '$t2'"
check "PMR 0 does not mask on a direct-IRQ CPU" \
	grep -Eq '^\[demo\] direct: PMR 0: [1-9][0-9]* timer IRQs .*PMR does not mask' "$WD_CONSOLE_LOG"
check "... while in the trapping demo2 it does (virtual PMR)" \
	grep -Eq '^\[demo2\] direct: PMR 0: 0 timer IRQs in 100 ms \(PMR masks\)' "$WD_CONSOLE_LOG"
check "DAIF.I masks, the IRQ comes when it clears" \
	grep -Eq '^\[demo\] direct: DAIF.I set: 0 timer IRQs in 100 ms, [1-9][0-9]* right after' "$WD_CONSOLE_LOG"
check "an SGI to itself arrives" grep -q '^\[demo\] direct: SGI 10 to itself: arrived' "$WD_CONSOLE_LOG"
check "shutdown of the running direct cell" warden cell shutdown demo
check "listed as shut down" in_list demo shut-down "*" -
check "restart after shutdown" warden cell start demo
check "it reports again" wait_console '^\[demo\] direct: t=1s' 60 2
check "destroy the running direct cell" warden cell destroy demo
check "CPU 3 is the root's again" test "$(cat /sys/devices/system/cpu/cpu3/online)" = 1

echo "### SGIs from the direct cell to other CPUs never arrive"
sgis=$(last_field demo2 sgis)
unexpected_root=$(dmesg | grep -c 'Unexpected interrupt')
runs_on=$(($(console_count '^\[demo\] direct: t=2s') + 1))
start_direct direct-sgi-out
check "direct-sgi-out: sent" wait_console '^\[demo\] direct: sent 400 SGI 10' 60
check "direct-sgi-out: it runs on" wait_console '^\[demo\] direct: t=2s' 60 $runs_on
check "direct-sgi-out: demo2 reports after it" wait_more '^\[demo2\] direct: t='
check "... and once more" wait_more '^\[demo2\] direct: t='
[ -n "$sgis" ] && [ "$(last_field demo2 sgis)" = "$sgis" ] &&
	pass "demo2 got none of them (sgis still $sgis)" ||
	fail "demo2's SGI count went from $sgis to $(last_field demo2 sgis)"
[ "$(dmesg | grep -c 'Unexpected interrupt')" = "$unexpected_root" ] &&
	pass "the root got none of them (no 'Unexpected interrupt')" ||
	fail "the root saw an SGI 10"
check "direct-sgi-out: destroy" warden cell destroy demo

echo "### Warden's SGI is out of the cell's reach"
fails_with sgi0 "trapped system register access"
fails_with mgmt-off "Warden's management interrupt"
fails_with mgmt-prio "Warden's management interrupt"
fails_with mgmt-group "Warden's management interrupt"
check "destroy demo2" warden cell destroy demo2
check "disable" warden disable
kill %1 2>/dev/null

echo "### the faults checks against the direct-IRQ cell"
DEMO_CELL=demo-direct WD_NO_FINISH=1 . /scenarios/faults.sh

echo "### the limit: ICC_AP1R0 holds Warden's SGI off"
check "enable" warden enable "$SYS"
console_follow
check "create demo2" warden cell create $CELLS/demo2.cell
check "load hello into demo2" warden cell load demo2 $INMATES/hello.bin
check "start demo2" warden cell start demo2
start_direct direct-ap1r
check "direct-ap1r: spins" wait_console "^\[demo\] direct: ICC_AP1R0_EL1 = 1, spinning" 60
check_output "direct-ap1r: shutdown times out" "timed out|ETIMEDOUT|-110" \
	warden cell shutdown demo
check "direct-ap1r: demo2 ticks on" wait_more '^\[demo2\] hello: tick'
check "direct-ap1r: demo2 shuts down and is destroyed" \
	sh -c 'warden cell shutdown demo2 && warden cell destroy demo2'
check "direct-ap1r: the root runs on" taskset -c 0 sh -c 'i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done'
finish
