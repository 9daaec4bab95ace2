# Scenario rtos: the RTOS inmate in a cell with its task set from the cell
# config (EDF, U 0.800, admitted by `warden config check`) runs for a fixed
# virtual time with 0 deadline misses beside an idle root (the root sleeps
# through the measurement and reads the console afterwards); the root
# reads the same statistics with `warden cell stats` through its read-only
# view of the comm page (a table, 0 misses, figures that grow), a root
# write to that page gets SIGBUS and leaves it intact, and after destroy
# the page is gone from the root; a fresh run of the same set has 0 misses
# in 10 s of virtual time while every root CPU runs a busy loop (wd-busy),
# checked, with the loads' own CPU time checked too;
# the overloaded set (U 1.100) is refused by admission control, and when
# forced in with the test flag --no-admission its stats show misses.
# Booted with -icount (rtos.env): time is instruction-driven, repeatable.
# Under load the root does nothing but the loads during the window: it
# starts them (processes, page faults) before the RTOS starts and reads
# the console after the window. With one TCG thread, whatever a root vCPU
# executes without a `yield` delays the cell's timer IRQ by that many
# instructions of virtual time: root process creation during the window
# (e.g. polling the console every 100 ms) still costs the cell misses
# under QEMU (Documentation/testing.md, "rtos under load").
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
RTOS=/lib/warden/inmates/rtos.bin

# the last "total" line the RTOS printed for the given second
totals_at() { grep -E "^\[rtos\] rtos: t=$1s total" "$WD_CONSOLE_LOG" | tail -n 1; }
field() { echo "$1" | sed -n "s/.* $2 \([0-9]*\).*/\1/p"; }

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
check_output "admission: the EDF set is admitted" "admitted \(EDF" \
	warden config check "$SYS" $CELLS/rtos.cell
check_fails "admission: the overloaded set is refused" \
	warden config check "$SYS" $CELLS/rtos-overload.cell
check_output "admission: says why" "utilisation 1.100 > 1" \
	warden config check "$SYS" $CELLS/rtos-overload.cell
check_fails "cell create refuses the overloaded set" \
	warden cell create $CELLS/rtos-overload.cell

echo "### admitted set, root idle"
check "create rtos" warden cell create $CELLS/rtos.cell
check "load rtos" warden cell load rtos $RTOS
check "start rtos" warden cell start rtos
sleep 6 # an idle root: no polling during the measurement
# The root's first read of the statistics (checked below), before any
# other root activity: under QEMU's round robin a running root delays the
# cell's timer IRQs (see the header), and later reads may count misses.
rt_total() { warden cell stats rtos >/tmp/rt.out 2>&1 && grep '^rt: total' /tmp/rt.out; }
rt1=$(rt_total)
cp /tmp/rt.out /tmp/rt1.out
warden console >"$WD_CONSOLE_LOG"
t5=$(totals_at 5)
echo "    $t5"
[ "$(field "$t5" misses)" = 0 ] && pass "0 deadline misses in 5 s" ||
	fail "deadline misses: $t5"
[ "$(field "$t5" released)" -gt 1000 ] && pass "jobs released: $(field "$t5" released)" ||
	fail "too few jobs: $t5"
[ "$(field "$t5" overruns)" -gt 0 ] && pass "the overrunning 'log' jobs were stopped" ||
	fail "no overrun counted: $t5"
echo "### the root reads the statistics from the comm page (read-only)"
sed -n 's/^rt:/    rt:/p' /tmp/rt1.out
check "warden cell stats shows the RTOS task table" \
	grep -qE '^rt: ctrl +[1-9][0-9]* +[0-9]+ +0 ' /tmp/rt1.out
[ "$(field "$rt1" released)" -gt 0 ] 2>/dev/null &&
	pass "the root reads jobs > 0: $(field "$rt1" released)" || fail "no jobs: $rt1"
[ "$(field "$rt1" misses)" = 0 ] && pass "the root reads 0 misses" ||
	fail "misses read by the root: $rt1"
sleep 1
rt2=$(rt_total)
[ "$(field "$rt2" released)" -gt "$(field "$rt1" released)" ] 2>/dev/null &&
	pass "the figures grow between two reads: $(field "$rt1" released) -> $(field "$rt2" released) jobs" ||
	fail "stale statistics: '$rt1' then '$rt2'"
comm_pa=$(warden cell mappings rtos | while read -r ipa pa size region flags; do
	case $ipa in \#*) continue ;; esac
	[ $((flags & 0x40)) != 0 ] && echo "$pa" # WD_MEM_COMM
done)
stats_pa=$(printf '0x%x' $((comm_pa + 2048)))
check "the root reads the block's magic at $stats_pa" \
	test "$(devmem "$stats_pa" 32)" = 0x54535452
devmem "$stats_pa" 32 0 >/dev/null 2>&1
rc=$?
check "a root write to the comm page gets SIGBUS (exit $rc)" test $rc = 135
check_output "Warden reports the refused write" \
	"write of $stats_pa refused: it belongs to cell 'rtos'" warden console
check "the write did not land: the magic is intact" \
	test "$(devmem "$stats_pa" 32)" = 0x54535452
rt3=$(rt_total)
[ "$(field "$rt3" released)" -gt "$(field "$rt2" released)" ] 2>/dev/null &&
	pass "the cell runs on, its statistics still valid: $rt3" ||
	fail "statistics after the refused write: '$rt3'"
echo "### the same under a root load: wd-busy on every root CPU"
# A fresh run of the set with the loads already running: the root starts
# them (processes, page faults) before the RTOS starts, then only sleeps
# and reads the console after the window (see the header).
check "destroy rtos" warden cell destroy rtos
check "create rtos" warden cell create $CELLS/rtos.cell
check "load rtos" warden cell load rtos $RTOS
start_load
check "a busy loop on every root CPU ($(nproc) CPUs)" \
	test "$(echo $load_pids | wc -w)" = "$(nproc)"
sleep 1
check "start rtos" warden cell start rtos
sleep 12
check "the loads had their CPUs: $(load_report)" load_ran 12
stop_load
warden console >"$WD_CONSOLE_LOG"
t10=$(totals_at 10)
echo "    $t10"
grep -E '^\[rtos\] rtos: t=10s EDF' "$WD_CONSOLE_LOG" | tail -n 1 | sed 's/^/    /'
[ "$(field "$t10" misses)" = 0 ] &&
	pass "0 deadline misses in 10 s under load" ||
	fail "deadline misses under load: $t10"
[ "$(field "$t10" released)" -ge 3750 ] 2>/dev/null &&
	pass "every job released: $(field "$t10" released)" || fail "jobs missing: $t10"
console_follow # the overload below waits for its lines
check "destroy rtos" warden cell destroy rtos
devmem "$stats_pa" 32 >/dev/null 2>&1
rc=$?
check "destroy took the comm page from the root (SIGBUS, exit $rc)" test $rc = 135

echo "### overloaded set forced in with --no-admission"
check "create with --no-admission" \
	warden cell create --no-admission $CELLS/rtos-overload.cell
check "load rtos" warden cell load rtos $RTOS
before=$(console_count '^\[rtos\] rtos: t=3s total')
check "start rtos" warden cell start rtos
check "stats after 3 s" wait_console '^\[rtos\] rtos: t=3s total' 120 $((before + 1))
# rtos.bin's built-in set is the admitted one (tasks ctrl, sensor, ...):
# tasks a..d prove it runs the set Warden copied from the cell config
check "the RTOS runs the cell config's task set" \
	grep -q '^\[rtos\] rtos:   d  ' "$WD_CONSOLE_LOG"
t3=$(totals_at 3)
echo "    $t3"
[ "$(field "$t3" misses)" -gt 0 ] && pass "the overload shows deadline misses" ||
	fail "no misses in the overload: $t3"
check "destroy rtos" warden cell destroy rtos
check "warden disable" warden disable
finish
