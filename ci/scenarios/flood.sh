# Scenario flood: a cell that floods Warden cannot take the console or
# the UART from the others. The victim 'demo' (ticker inmate: a line
# every 20 ms, stamped with the counter in ms) runs alone for a baseline,
# then 'demo2' (flood inmate) loops WD_HC_CONSOLE_PUTC as fast as it can
# (throttled to its byte budget), then sends SGIs to itself with its
# virtual interface disabled (fills Warden's virtual IRQ queue: failed,
# "virtual IRQ flood"). The victim's line rate, counted by its own stamps
# in 3-second windows, stays within 10 % of the baseline; Warden prints
# a bounded number of lines and says what it suppressed; the root runs on.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
TICK='^\[demo\] ticker: [0-9]+ t='

# stamp REGEX: the t= of the first line matching REGEX
stamp() { grep -E -m1 -- "$1" "$WD_CONSOLE_LOG" | sed 's/.* t=\([0-9]*\).*/\1/'; }
# ticks FROM TO: victim lines stamped in [FROM, TO) ms
ticks() {
	grep -E -- "$TICK" "$WD_CONSOLE_LOG" | sed 's/.* t=//' |
		awk -v a="$1" -v b="$2" '$1 >= a && $1 < b { n++ } END { print n + 0 }'
}
# wait_stamp MS: until the victim printed a line stamped MS or later
wait_stamp() {
	local n=0 last
	while :; do
		last=$(grep -E -- "$TICK" "$WD_CONSOLE_LOG" | tail -n 1 | sed 's/.* t=//')
		[ "${last:-0}" -ge "$1" ] && return 0
		[ $n -ge 300 ] && return 1
		sleep 0.1
		n=$((n + 1))
	done
}
# within10 N BASE: N is BASE +- 10 % (and BASE is a real rate)
within10() {
	[ "$2" -ge 75 ] && [ $((($1 - $2) * 10)) -le "$2" ] &&
		[ $((($2 - $1) * 10)) -le "$2" ]
}
# Warden's own lines (not a cell's "[name] ...") since the flood began
warden_lines() {
	sed -n '/^\[demo2\] flood: putc start/,$p' "$WD_CONSOLE_LOG" | grep -vc '^\['
}

check "modprobe warden" modprobe warden
check "enable" warden enable "$SYS"
console_follow
check "create demo" warden cell create $CELLS/demo.cell
check "load ticker into demo" warden cell load demo $INMATES/ticker.bin
check "start demo" warden cell start demo
check "the victim ticks" wait_console "$TICK" 20
T0=$(stamp "$TICK")
check "baseline: 4 s of victim lines" wait_stamp $((T0 + 4000))

check "create demo2" warden cell create $CELLS/demo2.cell
check "load flood into demo2" warden cell load demo2 $INMATES/flood.bin
check "start demo2" warden cell start demo2
check "the console flood starts" wait_console '^\[demo2\] flood: putc start t=' 20
PS=$(stamp '^\[demo2\] flood: putc start t=')
check "the SGI flood starts" wait_console '^\[demo2\] flood: sgi start t=' 30
SS=$(stamp '^\[demo2\] flood: sgi start t=')
check "Warden: cell 'demo2' failed: virtual IRQ flood" \
	wait_console "^cell 'demo2' failed: virtual IRQ flood at 0x[0-7] \(cpu 2\)$" 20
check "the victim ticks 3.5 s past the SGI flood" wait_stamp $((SS + 3500))

BASE=$(ticks $((PS - 3500)) $((PS - 500)))
PUTC=$(ticks $((PS + 500)) $((PS + 3500)))
SGI=$(ticks "$SS" $((SS + 3000)))
check "victim lines in 3 s: console flood $PUTC, baseline $BASE (10 %)" \
	within10 "$PUTC" "$BASE"
check "victim lines in 3 s: SGI flood on $SGI, baseline $BASE (10 %)" \
	within10 "$SGI" "$BASE"
check "no victim line lost (numbers consecutive)" sh -c \
	"grep -E '$TICK' $WD_CONSOLE_LOG | awk '{ if (NR > 1 && \$3 != p + 1) exit 1; p = \$3 }'"
N=$(warden_lines)
check "Warden printed $N lines during the flood (< 50)" test "$N" -lt 50
check "Warden says it suppressed demo2's console lines" \
	wait_console "^cell 'demo2': [0-9]+ console lines suppressed$" 5
check "... and the queue-full messages" \
	wait_console "^cell 'demo2': [0-9]+ 'virtual IRQ queue full' messages suppressed$" 5
FL=$(console_count '^\[demo2\] abcdefghij')
check "demo2's flood lines got out throttled ($FL, 1..300)" \
	test "$FL" -ge 1 -a "$FL" -le 300
check "list: demo2 failed on CPU 2" in_list demo2 failed 2 2
check "list: demo runs" in_list demo running 3 -
check "the root runs on" root_runs 3000
check "destroy demo2" warden cell destroy demo2
check "destroy demo" warden cell destroy demo
check "disable" warden disable
finish
