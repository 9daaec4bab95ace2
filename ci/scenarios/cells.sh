# Scenario cells: one cell through its whole life, two cells beside the
# root, 20 create/start/destroy cycles (the root gets its CPUs and memory
# back), and the PL031 handed from Linux to a cell and back.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
RTC=9010000.pl031
PL031_DRV=/sys/bus/amba/drivers/rtc-pl031

# ticks_between START END NAME: tick lines of cell NAME in the followed
# console after the last line matching START and before the next END;
# -1 when START or END is not there yet.
ticks_between() {
	awk -v a="$1" -v b="$2" -v t="^[[]$3[]] hello: tick" '
		$0 ~ a { s = 1; n = 0; e = 0; next }
		s && !e && $0 ~ b { e = 1 }
		s && !e && $0 ~ t { n++ }
		END { print (s && e) ? n : -1 }' "$WD_CONSOLE_LOG"
}

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
NCPU=$(nproc)
MEM0=$(mem_free_kb)

echo "### one cell through its whole life"
check "create demo" warden cell create $CELLS/demo.cell
check "list: demo created on CPU 3" in_list demo created 3 -
check "the root lost CPU 3" test "$(nproc)" = $((NCPU - 1))
check_fails "CPU 3 cannot be onlined by Linux meanwhile" \
	sh -c 'echo 1 > /sys/devices/system/cpu/cpu3/online'
check "load hello" warden cell load demo $INMATES/hello.bin
check "list: loading" in_list demo loading 3 -
check "start demo" warden cell start demo
check "hello prints its banner, tagged" wait_console '^\[demo\] Hello from inmate hello'
check "hello ticks" wait_console '^\[demo\] hello: tick 2'
check "list: running" in_list demo running 3 -
check_output "stats: CPU 3 counts hypercalls" '^3 +[1-9][0-9]* ' warden cell stats demo
check_fails "load while running is refused" warden cell load demo $INMATES/hello.bin
check_output "load while running says why" 'running: shut it down first' \
	warden cell load demo $INMATES/hello.bin
check_fails "start while running is refused" warden cell start demo
check "root runs beside the cell" root_runs 10000 all
check "shutdown" warden cell shutdown demo
check "list: shut-down" in_list demo shut-down 3 -
# Two seconds stopped, then a restart. The console follower polls, so it
# lags: the ticks are counted in the followed log between Warden's
# "shut down" line and the restarted banner, once both are there.
sleep 2
check "load again" warden cell load demo $INMATES/hello.bin
check "start again" warden cell start demo
check "restarted hello printed its banner again" \
	wait_console '^\[demo\] Hello from inmate hello' 20 2
n=$(ticks_between "^cell 'demo' shut down" '^[[]demo[]] Hello from inmate' demo)
check "no tick after shutdown ($n until the restart)" test "$n" = 0
check "destroy a running cell" warden cell destroy demo
check "demo is gone from the list" sh -c '! warden cell list | grep -q demo'
check "the root has all CPUs again" test "$(nproc)" = "$NCPU"
check "console: demo destroyed" wait_console "cell 'demo' destroyed"

echo "### two cells beside the root"
check "create demo" warden cell create $CELLS/demo.cell
check "create demo2" warden cell create $CELLS/demo2.cell
check "load demo" warden cell load demo $INMATES/hello.bin
check "load demo2" warden cell load demo2 $INMATES/hello.bin
check "start demo" warden cell start demo
check "start demo2" warden cell start demo2
check "root keeps 2 CPUs" test "$(nproc)" = $((NCPU - 2))
check "list: root on 0-1" in_list root running 0-1 -
check "list: demo on 3" in_list demo running 3 -
check "list: demo2 on 2" in_list demo2 running 2 -
ticks1=$(console_count '^\[demo\] hello: tick')
ticks2=$(console_count '^\[demo2\] hello: tick')
check "root runs beside two cells" root_runs 10000 all
sleep 2
check "demo ticks on" \
	test "$(console_count '^\[demo\] hello: tick')" -gt "$ticks1"
check "demo2 ticks on" \
	test "$(console_count '^\[demo2\] hello: tick')" -gt "$ticks2"
check "destroy demo2" warden cell destroy demo2
check "destroy demo" warden cell destroy demo
check "the root has all CPUs again" test "$(nproc)" = "$NCPU"

echo "### 20 create/load/start/destroy cycles"
bad=0
banners=$(console_count '^\[demo\] Hello from inmate hello')
for i in $(seq 1 20); do
	{ warden cell create $CELLS/demo.cell &&
		warden cell load demo $INMATES/hello.bin &&
		warden cell start demo; } >/tmp/cycle.out 2>&1 || { bad=$i; break; }
	wait_console '^\[demo\] Hello from inmate hello' 10 $((banners + i)) ||
		{ bad=$i; echo "cycle $i: no banner" >>/tmp/cycle.out; break; }
	warden cell destroy demo >>/tmp/cycle.out 2>&1 || { bad=$i; break; }
done
[ $bad = 0 ] && pass "20 cycles, each inmate printed its banner" ||
	{ fail "cycle $bad failed"; sed 's/^/    /' /tmp/cycle.out; }
check "the root has all $NCPU CPUs" test "$(nproc)" = "$NCPU"
MEM1=$(mem_free_kb)
echo "MemFree before ${MEM0} kB, after ${MEM1} kB"
# Linux's per-CPU free lists move a few MiB in and out of MemFree when
# CPUs go offline and online: a leak would show as more than that.
check "MemFree back to where it started (less than 8 MiB lost)" \
	test $((MEM0 - MEM1)) -lt 8192
check "root runs after the cycles" root_runs 10000 all

echo "### console: a line a call (WD_HC_CONSOLE_WRITE), the same bytes"
# conwrite prints each test line through the library ("w:") and a byte
# at a time ("p:"): the two copies, cut by Warden at 120 characters,
# must match byte for byte. Hostile buffers get their errors.
check "create demo" warden cell create $CELLS/demo.cell
check "load conwrite" warden cell load demo $INMATES/conwrite.bin
check "start demo" warden cell start demo
check "every hostile buffer refused with its error" \
	wait_console '^\[demo\] conwrite: hostile buffers refused 7 of 7$'
check "conwrite ticks" wait_console '^\[demo\] conwrite: tick 2$'
awk '/^\[demo\] conwrite: start$/ { on = 1; next }
	/^\[demo\] conwrite: hostile/ { on = 0 }
	on && /^\[demo\] [wp]:/ { m = substr($0, 8, 1) }
	on { sub(/^\[demo\] ([wp]:)?/, ""); print > ("/tmp/cw." m) }' \
	"$WD_CONSOLE_LOG"
check "6 lines each way, the buffer's the same bytes as the bytes'" \
	sh -c 'test "$(wc -l </tmp/cw.w)" = 6 && cmp /tmp/cw.w /tmp/cw.p'
h0=$(cell_stat demo 3 hypercall)
sleep 5
h1=$(cell_stat demo 3 hypercall)
# One line a second: one exit each (a byte at a time it was 15 a second).
check "5 s of ticks cost $((h1 - h0)) hypercalls (at most 7)" \
	test $((h1 - h0)) -le 7 -a $((h1 - h0)) -ge 3
check "destroy demo" warden cell destroy demo

echo "### PL031 passthrough"
check "Linux drives the PL031" test -e $PL031_DRV/$RTC
check_fails "create rtc while Linux's driver is bound" warden cell create $CELLS/rtc.cell
check_output "the refusal says how to unbind" "unbind it first: echo $RTC" \
	warden cell create $CELLS/rtc.cell
check "the root still has its CPUs" test "$(nproc)" = "$NCPU"
check "unbind rtc-pl031" sh -c "echo $RTC > $PL031_DRV/unbind"
check "create rtc" warden cell create $CELLS/rtc.cell
check "load the rtc inmate" warden cell load rtc $INMATES/rtc.bin
check "start rtc" warden cell start rtc
check "the inmate reads the PL031 and takes 3 alarm IRQs" \
	wait_console '^\[rtc\] rtc: PASS \(3 alarms\)' 30
check_fails "the root's read of the PL031 fails (SIGBUS)" devmem $QEMU_VIRT_PL031_BASE 32
check "... and Warden reports it" \
	wait_console "root: read of $QEMU_VIRT_PL031_BASE refused: it belongs to cell 'rtc'" 5
check_fails "Linux cannot bind its driver while the cell owns it" \
	sh -c "echo $RTC > $PL031_DRV/bind"
check "root runs on" root_runs 10000 all
check "destroy rtc" warden cell destroy rtc
check "devmem reads the PL031 again (no driver bound yet)" devmem $QEMU_VIRT_PL031_BASE 32
check "rebind rtc-pl031" sh -c "echo $RTC > $PL031_DRV/bind"
s0=$(cat /sys/bus/amba/devices/$RTC/rtc/rtc*/since_epoch)
sleep 2
s1=$(cat /sys/bus/amba/devices/$RTC/rtc/rtc*/since_epoch)
check "the root's RTC works again ($s0 -> $s1)" test "$s1" -gt "$s0"
check "disable" warden disable
# Linux has the machine back: on each CPU a sleep ends, so its timer IRQ
# still fires (a timer interrupt left active at disable would stop that
# CPU's timers: the power-off after the scenario could then hang).
bad=
for c in $(seq 0 $((NCPU - 1))); do
	timeout 10 taskset -c "$c" sleep 0.1 || bad="$bad $c"
done
check "after disable, a sleep ends on every CPU${bad:+ (not on$bad)}" test -z "$bad"
finish
