# Scenario enable: warden enable/disable with root Linux running on, 20
# cycles in one boot, and the errors that need no special boot.
. /scenarios/lib.sh
SYS=$(wd_system_config)
NCPU=$(nproc)

irq_sum() { # total of the /proc/interrupts row(s) matching $1
	grep -E "$1" /proc/interrupts | awk -v n="$NCPU" \
		'{ for (i = 2; i <= n + 1; i++) s += $i } END { print s + 0 }'
}

root_health() { # the root's health checks while Warden is enabled
	t0=$(uptime_ms); sleep 1; t1=$(uptime_ms)
	dt=$((t1 - t0))
	if [ $dt -ge 990 ] && [ $dt -le 1500 ]; then pass "sleep 1 took ${dt} ms"
	else fail "sleep 1 took ${dt} ms"; fi
	ok=1
	for c in $(seq 0 $((NCPU - 1))); do
		out=$(taskset -c $c sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo $i')
		[ "$out" = 20000 ] || ok=0
	done
	[ $ok = 1 ] && pass "busy loop pinned to each of $NCPU CPUs" || fail "busy loop per CPU"
	tim0=$(irq_sum 'arch_timer'); ipi0=$(irq_sum '^ *IPI[0-9]+:')
	for c in $(seq 0 $((NCPU - 1))); do taskset -c $c true; done
	sleep 1
	tim1=$(irq_sum 'arch_timer'); ipi1=$(irq_sum '^ *IPI[0-9]+:')
	[ "$tim1" -gt "$tim0" ] && pass "timer IRQs grow ($tim0 -> $tim1)" || fail "timer IRQs stuck at $tim0"
	[ "$ipi1" -gt "$ipi0" ] && pass "IPIs grow ($ipi0 -> $ipi1)" || fail "IPIs stuck at $ipi0"
	dd if=/dev/urandom of=/tmp/blob bs=1k count=256 2>/dev/null
	a=$(md5sum </tmp/blob); cp /tmp/blob /tmp/blob2; b=$(md5sum </tmp/blob2)
	[ "$a" = "$b" ] && pass "tmpfs file reads back" || fail "tmpfs file differs"
}

check "modprobe warden" modprobe warden
check_fails "disable when not enabled is refused" warden disable
check "warden enable $SYS" warden enable "$SYS"
root_health
check_output "console shows the banner" "Warden .*enabled" warden console
check_fails "enable twice is refused" warden enable "$SYS"
check_output "enable twice says why" "already enabled|busy" warden enable "$SYS"
check "warden disable" warden disable
root_health
bad=0
for i in $(seq 1 20); do
	warden enable "$SYS" >/tmp/cycle.out 2>&1 || { bad=$i; break; }
	warden disable >>/tmp/cycle.out 2>&1 || { bad=$i; break; }
done
[ $bad = 0 ] && pass "20 enable/disable cycles" || { fail "cycle $bad failed"; cat /tmp/cycle.out; }
root_health
# A corrupt config: the checker's message, nothing enabled.
{ dd if="$SYS" bs=1 count=8 2>/dev/null; printf '\377\377\377\377'; dd if="$SYS" bs=1 skip=12 2>/dev/null; } >/tmp/bad.cell
check_fails "enable with a corrupt config is refused" warden enable /tmp/bad.cell
check_fails "still not enabled after the corrupt config" warden disable
check "rmmod warden" rmmod warden
check "modprobe again, enable, disable" sh -c 'modprobe warden && warden enable '"$SYS"' && warden disable && rmmod warden'
finish
