# Scenario x86-cells (q35, ARCH=x86): an x86 cell through its whole life
# beside the root (create, load, start, its output, list, stats,
# shutdown, restart, destroy: Linux gets its CPU back), two cells at
# once, a cell owning COM2 (the root's reads of it refused meanwhile),
# then CYCLES create/start/destroy cycles; root memory intact and
# the cell's RAM scrubbed; the inmate library's hello; the exits of an
# idle cell. The ticking inmate is the test fixture
# tests/x86/inmate-min.S (the library has no ticking demo yet).
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
CELL=/etc/warden/hello.cell
INMATES=/lib/warden/inmates
HELLO=$INMATES/inmate-min-0.bin
CYCLES=${CYCLES:-10}
# hello's RAM: the first 4 MiB of the cell pool (cells/x86/hello.c)
RAM=$QEMU_X86_POOL_BASE

root_health() { # WHEN
	check "$1: the root runs on every CPU" root_runs 10000 all
	check "$1: busybox unchanged" test "$sha0" = "$(sha256sum </bin/busybox)"
}

check "modprobe warden" modprobe warden
sha0=$(sha256sum </bin/busybox)
check "warden enable" warden enable "$SYS"
console_follow
NCPU=$(nproc)

echo "### one cell through its whole life"
t0=$(uptime_ms)
check "create hello (CPU 3)" warden cell create $CELL
echo "create took $(($(uptime_ms) - t0)) ms"
check "list: hello created on CPU 3" in_list hello created 3 -
check "the root lost CPU 3" test "$(nproc)" = $((NCPU - 1))
check "load the inmate" warden cell load hello $HELLO
check "list: loading" in_list hello loading 3 -
check "start hello" warden cell start hello
check "the inmate says hello from CPU 0 of the cell" \
	wait_console '^\[hello\] inmate-min: hello from CPU 0$'
check "it ticks" wait_console '^\[hello\] inmate-min: tick 3$'
check "list: running" in_list hello running 3 -
check_output "stats: CPU 3 counts hypercalls" '^3 +[1-9][0-9]* ' \
	warden cell stats hello
warden cell stats hello
root_health "beside the cell"
check "shutdown" warden cell shutdown hello
check "list: shut-down" in_list hello shut-down 3 -
check "load again" warden cell load hello $HELLO
check "the stopped cell's RAM kept the inmate's mark (not scrubbed yet)" \
	test "$(devmem $((RAM + 0x200000)) 32)" = 0x5744454E
check "start again" warden cell start hello
check "the restarted inmate says hello again" \
	wait_console '^\[hello\] inmate-min: hello from CPU 0$' 20 2
t0=$(uptime_ms)
check "destroy the running cell" warden cell destroy hello
echo "destroy took $(($(uptime_ms) - t0)) ms"
check "hello is gone from the list" sh -c '! warden cell list | grep -q hello'
check "the root has all CPUs again" test "$(nproc)" = "$NCPU"
check_output "CPU 3 left the park for Linux" \
	"CPU 3: onlined by Linux, leaves the park" warden console
root_health "after destroy"
check "create hello again" warden cell create $CELL
check "set it loadable (an image that does not reach the mark)" \
	warden cell load hello $HELLO
check "destroy scrubbed the cell's RAM (the mark is 0)" \
	test "$(devmem $((RAM + 0x200000)) 32)" = 0x00000000
check "destroy the loading cell" warden cell destroy hello

echo "### the inmate library's hello (inmates/demos/x86)"
check "create hello" warden cell create $CELL
check "load the library's hello" warden cell load hello $INMATES/hello.bin
check "start it" warden cell start hello
check "it runs in a Warden cell, CPU 0 of the cell" \
	wait_console '^\[hello\] hello: in a Warden cell, CPU 0 of the cell$'
check "it ticks on the TSC Warden measured" wait_console '^\[hello\] hello: tick 2$'
warden cell stats hello
check "destroy it" warden cell destroy hello

echo "### a cell that owns COM2: ports 0x2f8-0x2ff leave the root"
rd_com2() { dd if=/dev/port bs=1 skip=$((0x2f8)) count=1 2>/dev/null | od -An -tx1 | tr -d ' \n'; }
REFUSED="root: I/O port it does not own at 0x2f8"
rd_com2 >/dev/null
sleep 1
check "the root reads COM2 freely before (no report)" test "$(console_count "$REFUSED")" = 0
check "create com2 (CPU 3, platform.x86.pio[1])" warden cell create /etc/warden/com2.cell
check "load the COM2 inmate" warden cell load com2 $INMATES/inmate-min-8.bin
check "start it" warden cell start com2
check "the cell writes and reads its COM2 port" \
	wait_console '^\[com2\] inmate-min: COM2 written$'
check "list: com2 running, not failed" in_list com2 running 3 -
sleep 1
e0=$(cell_stat com2 3 total)
sleep 10
e1=$(cell_stat com2 3 total)
echo "idle (halted) cell: $((e1 - e0)) exits in 10 s"
warden cell stats com2
check "an idle cell costs no exit ($((e1 - e0)) in 10 s)" test $((e1 - e0)) -eq 0
v=$(rd_com2)
check "the root reads all ones from COM2 meanwhile ($v)" test "$v" = ff
check "Warden reports the root's access to the cell's port" \
	wait_console "$REFUSED" 5 1
check "destroy com2" warden cell destroy com2
rd_com2 >/dev/null
sleep 1
check "the root has COM2 again (no new report)" test "$(console_count "$REFUSED")" = 1
root_health "after the COM2 cell"

echo "### two cells at once"
check "create hello" warden cell create $CELL
check "create hello2 (CPU 2)" warden cell create /etc/warden/hello2.cell
check "the root has 2 CPUs" test "$(nproc)" = $((NCPU - 2))
check "load hello" warden cell load hello $HELLO
check "load hello2" warden cell load hello2 $HELLO
check "start hello" warden cell start hello
check "start hello2" warden cell start hello2
check "hello2 ticks" wait_console '^\[hello2\] inmate-min: tick 2$'
check "hello ticks beside it" wait_console '^\[hello\] inmate-min: tick 2$' 20 2
root_health "beside two cells"
check "destroy hello2" warden cell destroy hello2
check "hello still runs" wait_console '^\[hello\] inmate-min: tick 5$' 20 2
check "destroy hello" warden cell destroy hello
check "the root has all CPUs again" test "$(nproc)" = "$NCPU"

echo "### $CYCLES create/load/start/destroy cycles"
bad=0
for i in $(seq 1 "$CYCLES"); do
	{ warden cell create $CELL && warden cell load hello $HELLO &&
		warden cell start hello &&
		wait_console '^\[hello\] inmate-min: hello from CPU 0$' 20 $((i + 3)) &&
		warden cell destroy hello; } >/tmp/cycle.out 2>&1 || { bad=$i; break; }
done
[ $bad = 0 ] && pass "$CYCLES cycles" || { fail "cycle $bad failed"; cat /tmp/cycle.out; }
check "the root has all CPUs after the cycles" test "$(nproc)" = "$NCPU"
root_health "after the cycles"
check "warden disable" warden disable
check "disabled: nproc is $NCPU" test "$(nproc)" = "$NCPU"
finish
