# Scenario ivshmem (Documentation/ivshmem.md): the root and the echo cell
# share link 1. 1,000 checked round trips; a cell that is no peer cannot
# ring or read the link; the echo inmate fails mid-exchange and the root
# program sees it; destroying the echo cell wakes a waiting reader; create
# again works.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
SHM=/dev/warden-shm1

echo_up() { # create, load and start the echo cell, wait for its banner
	warden cell create $CELLS/echo.cell &&
		warden cell load echo $INMATES/echo.bin &&
		warden cell start echo &&
		wait_console '^\[echo\] echo: ready' 20 "$1"
}
# run_rc EXPECTED cmd...: passes when cmd exits with EXPECTED
run_rc() {
	want=$1; shift
	"$@"; rc=$?
	echo "exit $rc"
	[ "$rc" = "$want" ]
}

check "modprobe warden" modprobe warden
check "/dev/warden-shm1 exists (DT node bound)" test -c $SHM
check "warden enable" warden enable "$SYS"
console_follow
check_output "no peer yet: ping says so" 'peer gone|Broken pipe' \
	warden-shm-ping -n 1

echo "### 1000 round trips"
check "echo cell up" echo_up 1
check_output "1000 round trips, content checked" \
	'1000 round trips checked' warden-shm-ping -n 1000
grep 'round trips' /tmp/check.out
check_output "stats: echo's CPU counts its doorbell calls" '^3 +[1-9]' \
	warden cell stats echo

echo "### a cell that is no peer"
check_fails "config check rejects a cell sharing link 1's memory without the link" \
	warden config check "$SYS" $CELLS/echo.cell $CELLS/shm-nolink.cell
check_fails "create of that cell is refused" warden cell create $CELLS/shm-nolink.cell
check "create intruder" warden cell create $CELLS/shm-intruder.cell
check "load intruder" warden cell load intruder $INMATES/shm-intruder.bin
check "start intruder" warden cell start intruder
check "its ring of link 1 is refused" \
	wait_console '^\[intruder\] shm-intruder: ring link 1: -2 \(refused\)' 20
check "its link state query is refused" \
	wait_console '^\[intruder\] shm-intruder: link state: -2 \(refused\)' 20
check "its read of the link's memory fails the cell" \
	wait_console "cell 'intruder' failed: stage-2 read abort at $QEMU_VIRT_LINK1_MEM" 20
check "no FAIL from the intruder" test "$(console_count 'shm-intruder: FAIL')" = 0
check "destroy intruder" warden cell destroy intruder
check_output "echo still answers" '10 round trips checked' \
	warden-shm-ping -n 10

echo "### the inmate fails mid-exchange"
check "ping gets 'peer gone' (exit 3) at round 5, no hang" \
	run_rc 3 timeout 30 warden-shm-ping -n 10 -f 5
check "Warden failed the echo cell" wait_console "cell 'echo' failed" 10
check "list: echo failed" sh -c 'warden cell list | grep -E "echo +failed"'
check_output "ringing a failed peer: Broken pipe" 'Broken pipe|peer gone' \
	warden-shm-ping -n 1
check "destroy the failed echo" warden cell destroy echo

echo "### destroy while the root waits"
check "echo cell up again" echo_up 2
check_output "it answers" '10 round trips checked' warden-shm-ping -n 10
timeout 30 warden-shm-ping -w >/tmp/wait.out 2>&1 &
waiter=$!
sleep 2
check "the waiter is still waiting" kill -0 $waiter
check "destroy echo" warden cell destroy echo
wait $waiter
rc=$?
cat /tmp/wait.out
check "the waiter returned 'peer gone' (exit 3), not a timeout" test $rc = 3

echo "### create again"
check "echo cell up a third time" echo_up 3
check_output "100 round trips after re-create" '100 round trips checked' \
	warden-shm-ping -n 100
check "destroy echo" warden cell destroy echo
check "warden disable" warden disable
finish
