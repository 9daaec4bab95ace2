# Cache colouring and DRAM banks (Documentation/colouring.md). Two coloured
# cells with disjoint colours and banks (cells/arm64/colour-a.c, colour-b.c):
# the dump of each cell's guest-physical -> physical map is walked here and
# every frame's colour and bank recomputed with the QEMU geometry (32
# colours: PA bits 12-16; banks: PA bits 17-18), no frame shared; each cell
# runs memtest over all its RAM; destroy gives every frame back (the same
# cells again get the same frames, scrubbed; then a 64 MiB coloured cell
# takes frames the two had); an overlapping config is refused; with
# llc_way_size 0, Warden's CCSIDR reading gives the same frames. Last, the
# cost: stage-2 table pages and create time of a 64 MiB cell, coloured
# (colour-64m) and not (flat-64m), as "MEASURE" lines.
. /scenarios/lib.sh
SYS=$(wd_system_config)
C=/etc/warden/cells
MEMTEST=/lib/warden/inmates/memtest.bin

# map_frames NAME COLOURS BANKS OUT: lists the frames of NAME's RAM runs in
# OUT and checks their colour and bank; prints "frames bad" counts.
map_frames() {
	frames=0 bad=0
	: >"$4"
	while read -r ipa pa size region flags; do
		case $ipa in '#'*) continue ;; esac
		[ $((flags & 8)) = 0 ] || continue # IO regions are not RAM
		f=$((pa)) end=$((pa + size)) # test(1) knows no hex
		while [ $((f < end)) = 1 ]; do
			c=$(((f >> 12) & 31)) b=$(((f >> 17) & 3))
			[ $((($2 >> c) & 1)) = 1 ] && [ $((($3 >> b) & 1)) = 1 ] ||
				bad=$((bad + 1))
			echo $f >>"$4"
			f=$((f + 4096)) frames=$((frames + 1))
		done
	done </tmp/$1.map
	echo "$frames $bad"
}

# check_map NAME COLOURS BANKS: every frame of the cell has its colours
# and banks, and there are as many as its RAM has pages (16 MiB + comm).
check_map() {
	if ! warden cell mappings "$1" >/tmp/$1.map 2>&1; then
		fail "$1: warden cell mappings"; sed 's/^/    /' /tmp/$1.map
		return
	fi
	set -- "$1" "$2" "$3" $(map_frames "$1" "$2" "$3" /tmp/$1.frames)
	[ "$4" = 4097 ] && pass "$1: 4097 frames mapped (16 MiB + comm)" ||
		fail "$1: $4 frames mapped, expected 4097"
	[ "$5" = 0 ] && pass "$1: every frame has colours $2 and banks $3" ||
		fail "$1: $5 frames of other colours or banks"
}

# run_memtest NAME: loads and starts memtest, waits for its verdict.
run_memtest() {
	check "$1: load memtest" warden cell load "$1" "$MEMTEST"
	check "$1: start" warden cell start "$1"
}

# wait_verdicts N: until N memtest verdicts are on the console (60 s).
wait_verdicts() {
	i=0
	while [ $i -lt 120 ]; do
		[ "$(warden console | grep -c 'memtest: \(PASS\|FAIL\)')" -ge $1 ] &&
			return 0
		sleep 0.5
		i=$((i + 1))
	done
	return 1
}

now_us() { # microseconds since boot, from /proc/uptime when date has no %N
	n=$(date +%s%N 2>/dev/null)
	case $n in *N | '') awk '{ printf "%d\n", $1 * 1000000 }' /proc/uptime ;;
	*) echo $((n / 1000)) ;; esac
}

# measure NAME: create time and stage-2 table pages of cell NAME.
measure() {
	t0=$(now_us)
	check "$1: create" warden cell create "$C/$1.cell"
	t1=$(now_us)
	warden cell mappings "$1" >/tmp/$1.map 2>&1
	tables=$(sed -n 's/.*stage-2 tables \([0-9]*\) pages.*/\1/p' /tmp/$1.map)
	runs=$(sed -n 's/^# \([0-9]*\) runs$/\1/p' /tmp/$1.map)
	warden_us=$(warden console | sed -n "s/.*cell '$1' created.* in \([0-9]*\) us.*/\1/p" | tail -n 1)
	echo "MEASURE $1: stage-2 tables $tables pages, $runs runs," \
		"create $((t1 - t0)) us (warden cell create), ${warden_us:-?} us in Warden"
	[ -n "$tables" ] && pass "$1: stage-2 tables counted" ||
		fail "$1: no stage-2 table count"
	check "$1: destroy" warden cell destroy "$1"
}

check "load warden.ko" modprobe warden
check "config check: colour-a and colour-b fit together" \
	warden config check "$SYS" $C/colour-a.cell $C/colour-b.cell
check_output "config check names the cell and colour of an overlap" \
	"cell 'colour-bad': colours: colours 0x1 are also used by cell 'colour-a'" \
	warden config check "$SYS" $C/colour-a.cell $C/colour-bad.cell
check_fails "config check refuses overlapping colours" \
	warden config check "$SYS" $C/colour-a.cell $C/colour-bad.cell
check "enable" warden enable "$SYS"
check "create colour-a" warden cell create $C/colour-a.cell
check "create colour-b" warden cell create $C/colour-b.cell
check_fails "create colour-bad beside colour-a is refused" \
	warden cell create $C/colour-bad.cell
check_output "the refusal names cell and colours" \
	"colours 0x1 are also used by cell 'colour-a'" \
	sh -c "warden cell create $C/colour-bad.cell; dmesg | tail -n 20"

check_map colour-a 0x0000ffff 0x3
check_map colour-b 0xffff0000 0xc
for c in colour-a colour-b; do sed -n '1,6p;$p' /tmp/$c.map; done
cat /tmp/colour-a.frames /tmp/colour-b.frames | sort | uniq -d >/tmp/shared
[ ! -s /tmp/shared ] && pass "no frame belongs to both cells" ||
	fail "$(wc -l </tmp/shared) frames belong to both cells"
cp /tmp/colour-a.map /tmp/colour-a.first

run_memtest colour-a
run_memtest colour-b
wait_verdicts 2 && pass "both memtests finished" ||
	fail "memtest verdicts missing"
warden console | grep '\[colour-' | sed 's/^/    /'
check_output "colour-a: memtest over all its RAM passes" \
	"\[colour-a\] memtest: PASS" warden console
check_output "colour-b: memtest over all its RAM passes" \
	"\[colour-b\] memtest: PASS" warden console

check "shut down colour-a" warden cell shutdown colour-a
check "destroy colour-a" warden cell destroy colour-a
check "destroy colour-b" warden cell destroy colour-b
check_fails "no mappings for a destroyed cell" warden cell mappings colour-a

# The frames come back: the same cell gets the same frames again, zeroed.
check "create colour-a again" warden cell create $C/colour-a.cell
warden cell mappings colour-a >/tmp/colour-a.map 2>&1
check "colour-a again: the same frames" cmp /tmp/colour-a.first /tmp/colour-a.map
run_memtest colour-a
wait_verdicts 3 && pass "the third memtest finished" ||
	fail "third memtest verdict missing"
check_output "colour-a again: its frames were scrubbed" "zero before: yes" \
	sh -c "warden console | grep 'colour-a.*zero before' | tail -n 1"
check "destroy colour-a again" warden cell destroy colour-a

# With llc_way_size 0 Warden reads the geometry from CCSIDR at enable: the
# same cell then gets the same frames as with the configured 128 KiB ways.
# (llc_way_size is at byte 88 of a system blob: header 16 + 64 + 8.)
check "disable, to enable without the way size" warden disable
cp "$SYS" /tmp/sys-ccsidr.cell
dd if=/dev/zero of=/tmp/sys-ccsidr.cell bs=1 seek=88 count=8 \
	conv=notrunc 2>/dev/null
check "enable with llc_way_size 0" warden enable /tmp/sys-ccsidr.cell
check_output "Warden read the way size from CCSIDR" \
	"LLC way size from CCSIDR: 131072 bytes" warden console
check "create colour-a, geometry from CCSIDR" warden cell create $C/colour-a.cell
warden cell mappings colour-a >/tmp/colour-a.map 2>&1
check "colour-a: the same frames with the geometry from CCSIDR" \
	cmp /tmp/colour-a.first /tmp/colour-a.map
check "destroy colour-a (CCSIDR)" warden cell destroy colour-a
check "disable" warden disable
check "enable again with the configured geometry" warden enable "$SYS"

measure flat-64m
measure colour-64m
check "disable" warden disable
finish
