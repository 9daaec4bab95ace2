# Scenario enable: warden enable/disable with root Linux running on, 20
# cycles in one boot, and the errors that need no special boot.
. /scenarios/lib.sh
SYS=$(wd_system_config)
NCPU=$(nproc)

irq_sum() { # total of the /proc/interrupts row(s) matching $1
	grep -E "$1" /proc/interrupts | awk -v n="$NCPU" \
		'{ for (i = 2; i <= n + 1; i++) s += $i } END { print s + 0 }'
}

# The root's health checks while Warden is enabled. sleep 1 must not end
# early; the upper bound only catches a stopped root, and is loose (a
# PREEMPT_RT root on a loaded 2-core host is slow).
root_health() {
	t0=$(uptime_ms); sleep 1; t1=$(uptime_ms)
	dt=$((t1 - t0))
	if [ $dt -ge 990 ] && [ $dt -le 10000 ]; then pass "sleep 1 took ${dt} ms"
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
# A root that does not hold a bound device's MMIO: the region over the
# UART, RTC, GPIO, ... cut to the UART's 64 KiB. Refused, naming the
# PL031 while rtc-pl031 is bound, and no longer once it is unbound.
RTC=9010000.pl031 PL031_DRV=/sys/bus/amba/drivers/rtc-pl031
le64() { # the 8 bytes of $1, little-endian, as od prints them
	local v=$1 i out=
	for i in 1 2 3 4 5 6 7 8; do
		out="$out $(printf %02x $((v & 255)))"
		v=$((v >> 8))
	done
	echo "${out# }"
}
region_offset() { # BLOB START SIZE: byte offset of that identity region
	od -An -v -tx1 "$1" | tr -s ' \n' '  ' |
		awk -v p="$(le64 $2) $(le64 $2) $(le64 $3)" \
			'{ i = index($0, p); print i ? (i - 2) / 3 : -1 }'
}
off=$(region_offset "$SYS" 0x09000000 0x07000000)
cp "$SYS" /tmp/hole.cell
printf '\000\000\001\000\000\000\000\000' |
	dd of=/tmp/hole.cell bs=1 seek=$((off + 16)) conv=notrunc 2>/dev/null
check "the config has the region to cut (offset $off)" test "$off" -gt 0
check "the cut config passes the checker" warden config check /tmp/hole.cell
check_output "enable names the bound PL031 outside the root" \
	"MMIO of $RTC \(driver rtc-pl031\) 0x9010000-0x9010fff is not in the config's root memory regions" \
	warden enable /tmp/hole.cell
check_fails "... and is refused (not enabled)" warden disable
check "unbind rtc-pl031" sh -c "echo $RTC > $PL031_DRV/unbind"
warden enable /tmp/hole.cell >/tmp/hole.out 2>&1 && warden disable
check "unbound, the PL031 is not named" sh -c '! grep -q pl031 /tmp/hole.out'
check "rebind rtc-pl031" sh -c "echo $RTC > $PL031_DRV/bind"
root_health
check "rmmod warden" rmmod warden
check "modprobe again, enable, disable" sh -c 'modprobe warden && warden enable '"$SYS"' && warden disable && rmmod warden'
finish
