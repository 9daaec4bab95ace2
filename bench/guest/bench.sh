# The latency benchmark's guest side: bench/run.sh boots the bench image
# (bench/mkinitrd.sh) with wd.scenario=bench and wd.bench=LIST, the cases
# to run in order, comma-separated:
#   cyclic-off  cyclictest on every root CPU, Warden not loaded
#   cyclic-on   the same with Warden enabled (root cell only)
#   b           the latency inmate in the demo cell, root idle
#   c           the same while every root CPU runs wd-busy (page copies)
#   c2          the same with loads that never yield: a shell loop and
#               dd per root CPU (shows QEMU's round-robin tail)
#   d           as b in the demo cell with direct IRQ delivery
#               (demo-direct.cell, GICv3 only): no trap per IRQ
#   d1          as c (wd-busy on every root CPU) in that cell
#   e           as b beside a Linux cell (CPUs 1-2) running wd-busy on
#               both its CPUs, root idle (bench/guest/lcell.sh)
#   e1          as e in demo-direct.cell (GICv3 only)
#   enable      the driver's figures of the enable (virtual time): the
#               whole call ("enable took") and entering the CPUs
# wd.cyclic=SECONDS sets cyclictest's duration (default 10).
# Each case prints "BENCH begin CASE", its output with every line prefixed
# "@CASE ", then "BENCH end CASE"; or "BENCH skip CASE: why".
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
CELL_NAME=demo
IMAGES=/lib/warden/bench
. /scenarios/bench-lcell.sh
arg() { sed -n "s/.*wd\.$1=\([^ ]*\).*/\1/p" /proc/cmdline; }
CYCLIC_SECONDS=$(arg cyclic)
CYCLIC_SECONDS=${CYCLIC_SECONDS:-10}
enabled=0
load_pids=
# cyclictest keeps its statistics in POSIX shared memory
mkdir -p /dev/shm && mount -t tmpfs shm /dev/shm

skip() { echo "BENCH skip $1: $2"; }

# frame CASE FILE: FILE's lines, tagged for the host's parser
frame() {
	echo "BENCH begin $1"
	sed "s/^/@$1 /" "$2"
	echo "BENCH end $1"
}

# why FILE: the last line a failed command printed
why() { tail -n 1 "$1" | tr -d '\r'; }

ensure_enabled() {
	[ $enabled = 1 ] && return 0
	modprobe warden >/tmp/enable.out 2>&1 &&
		warden enable "$SYS" >>/tmp/enable.out 2>&1 || return 1
	enabled=1
}

cyclic() { # CASE
	if ! command -v cyclictest >/dev/null; then
		skip "$1" "cyclictest not in the image"
		return
	fi
	if [ "$1" = cyclic-on ] && ! ensure_enabled; then
		skip "$1" "warden enable failed: $(why /tmp/enable.out)"
		return
	fi
	cyclictest -m -q -D "$CYCLIC_SECONDS" -i 1000 -t "$(nproc)" -a \
		-p 90 -h 1000 >/tmp/"$1".out 2>&1
	frame "$1" /tmp/"$1".out
}

# wait_for PATTERN FILE SECONDS
wait_for() {
	i=0
	while ! grep -q "$1" "$2"; do
		[ $i -ge "$3" ] && return 1
		sleep 1
		i=$((i + 1))
	done
}

online_cpus() {
	echo 0
	for d in /sys/devices/system/cpu/cpu[1-9]*; do
		[ "$(cat "$d/online" 2>/dev/null)" = 1 ] && echo "${d##*cpu}"
	done
}

# cell_config CASE: the demo cell, with direct IRQ delivery for d, d1.
# Both are CPU 3 with the same memory and name: only the flag differs.
cell_config() {
	case $1 in
	d | d1 | e1) echo "$CELLS/demo-direct.cell" ;;
	*) echo "$CELLS/demo.cell" ;;
	esac
}

# start_load CASE: b and d run with the root idle; c2 runs a shell loop
# and a dd per root CPU, c and d1 one wd-busy per root CPU (yields after
# each 64-byte step, like the bare-metal loops of (a'))
start_load() {
	case $1 in
	b | d | e | e1) return ;; # e, e1: the Linux cell is the load
	esac
	for cpu in $(online_cpus); do
		if [ "$1" != c2 ]; then
			taskset -c "$cpu" wd-busy 4096 &
		else
			taskset -c "$cpu" sh -c 'while :; do :; done' &
			load_pids="$load_pids $!"
			taskset -c "$cpu" dd if=/dev/zero of=/dev/null bs=1M 2>/dev/null &
		fi
		load_pids="$load_pids $!"
	done
	sleep 1 # let every CPU's run queue fill
}

stop_load() {
	lc_pause # e, e1: the Linux cell's load (bench-lcell.sh)
	[ -n "$load_pids" ] && kill $load_pids 2>/dev/null
	wait $load_pids 2>/dev/null
	load_pids=
}

# report CASE RUN_ID LOG: the inmate's report, from its begin to its end,
# without the "[cell] " prefix Warden's console puts on a cell's lines
report() {
	sed -n "s/^\[[^]]*\] //; /^LAT begin run=$2 /,/^LAT end run=$2\$/p" \
		"$3" | tr -d '\r' >/tmp/"$1".out
	frame "$1" /tmp/"$1".out
}

# measure_seconds CASE: the inmate settles 500 ms, then takes a sample
# every 100 us (longer if some come late); this sleep ends at least 1 s
# before its report starts (3 s after the last sample).
measure_seconds() {
	n=$(cat "$IMAGES/latency-$1.samples")
	echo $(((500 + n / 10 + 999) / 1000 + 1))
}

# cell_run CASE RUN_ID: create, load, start, then sleep through the
# measurement (an idle root must be idle: no polling, no forks) and read
# the report from Warden's console.
cell_run() {
	warden cell create "$(cell_config "$1")" >/tmp/cell.out 2>&1 ||
		{ skip "$1" "cell create: $(why /tmp/cell.out)"; return 1; }
	warden cell load "$CELL_NAME" "$IMAGES/latency-$1.bin" >/tmp/cell.out 2>&1 ||
		{ skip "$1" "cell load: $(why /tmp/cell.out)"; return 1; }
	start_load "$1"
	if ! warden cell start "$CELL_NAME" >/tmp/cell.out 2>&1; then
		skip "$1" "cell start: $(why /tmp/cell.out)"
		stop_load
		return 1
	fi
	sleep "$(measure_seconds "$1")"
	stop_load # the samples are taken: spare QEMU the work
	warden console -f >/tmp/console-"$1".log 2>&1 &
	console_pid=$!
	wait_for "LAT end run=$2" /tmp/console-"$1".log 120 ||
		skip "$1" "no 'LAT end run=$2' within 120 s"
	kill $console_pid
	warden cell stats "$CELL_NAME" >/tmp/"$1"-stats.out 2>&1 &&
		frame "$1-stats" /tmp/"$1"-stats.out
	grep -q "LAT end run=$2" /tmp/console-"$1".log &&
		report "$1" "$2" /tmp/console-"$1".log
}

cell_case() { # CASE RUN_ID
	if ! ensure_enabled; then
		skip "$1" "warden enable failed: $(why /tmp/enable.out)"
		return
	fi
	cell_run "$@"
	warden cell destroy "$CELL_NAME" >/dev/null 2>&1
}

# enable_case: Warden enabled by this case (or earlier), the driver's lines
enable_case() {
	if ! ensure_enabled; then
		skip enable "warden enable failed: $(why /tmp/enable.out)"
		return
	fi
	dmesg | grep -E 'warden: (enable took|enabled on)' >/tmp/enable-times.out
	frame enable /tmp/enable-times.out
}

echo "BENCH start: $(nproc) CPUs, $SYS"
for c in $(arg bench | tr , ' '); do
	case $c in
	cyclic-off | cyclic-on) cyclic "$c" ;;
	b) cell_case b 2 ;;
	c) cell_case c 3 ;;
	c2) cell_case c2 4 ;;
	d) cell_case d 5 ;;
	d1) cell_case d1 6 ;;
	e) lc_case e 7 ;;
	e1) lc_case e1 8 ;;
	enable) enable_case ;;
	*) skip "$c" "unknown case" ;;
	esac
done
lc_stop
[ $enabled = 1 ] && warden disable >/dev/null 2>&1
echo "BENCH done"
