# Sourced by bench/guest/bench.sh: cases e and e1 (bench/lcell.sh), the
# latency inmate in the demo cell (CPU 3; e1: demo-direct.cell) beside a
# Linux cell (cells/arm64/linux.c, CPUs 1-2) that runs wd-busy on both
# its CPUs. The root (CPU 0) stays idle. Needs the image bench/lcell.sh
# builds (/lib/warden/linux) and QEMU's --linux-cell devices.
LNX=/lib/warden/linux
LC_LOG=/tmp/linux-cell.log
LC_STARTED=0

# lc_port: the root's end of the cell's console, as vportNpM
lc_port() {
	for n in /sys/class/virtio-ports/*/name; do
		[ "$(cat "$n" 2>/dev/null)" = cell ] && basename "$(dirname "$n")"
	done
}

# lc_wait REGEX SECONDS [COUNT]: until the cell's console shows REGEX
lc_wait() {
	t=0
	while [ "$(tr -d '\r' <"$LC_LOG" | grep -Ec -- "$1")" -lt "${3:-1}" ]; do
		[ $t -ge $(($2 * 10)) ] && return 1
		sleep 0.1
		t=$((t + 1))
	done
}

# lc_load CMD: runs CMD in the cell's shell, then wd-load ARG (the
# cell's per-CPU busy share, bench/guest/wd-load.sh); prints its line
LC_LOADS=0
lc_load() {
	LC_LOADS=$((LC_LOADS + 1))
	echo "$1; wd-load $2" >&3
	lc_wait '^@@load ' 60 $LC_LOADS || return 1
	tr -d '\r' <"$LC_LOG" | grep '^@@load ' | sed -n "${LC_LOADS}p"
}

lc_fail() { echo "$*" >/tmp/lc-why.out; return 1; }

# lc_boot: Warden on, the Linux cell at its shell, wd-busy started on
# both of its CPUs (lc_case checks them busy). Says why not in
# /tmp/lc-why.out; not redirected by its caller: descriptor 3, the
# cell's console, must stay open for the cases after it.
lc_boot() {
	ensure_enabled || lc_fail "warden enable: $(why /tmp/enable.out)" || return 1
	for m in "$LNX"/*.ko; do insmod "$m" || lc_fail "insmod $m" || return 1; done
	t=0
	while [ -z "$(lc_port)" ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
	[ -n "$(lc_port)" ] || lc_fail "no virtio port 'cell'" || return 1
	exec 3<>"/dev/$(lc_port)"
	cat <&3 >"$LC_LOG" 2>&1 &
	warden cell linux "$CELLS/linux.cell" "$LNX/Image" -i "$LNX/initrd.gz" \
		-c "console=hvc0 panic=-1 loglevel=4" >/tmp/lc.out 2>&1 ||
		lc_fail "cell linux: $(why /tmp/lc.out)" || return 1
	lc_wait '^linux-cell: shell' 300 ||
		lc_fail "no Linux cell shell in 300 s" || return 1
	echo 'for c in 0 1; do taskset -c $c wd-busy 4096 & done' >&3
	LC_STARTED=1
}

# lc_busy_ok FILE: the last "@@load cpu0=N cpu1=N" line has both >= 90
lc_busy_ok() {
	tail -n 1 "$1" | awk '{ for (i = 2; i <= NF; i++) { split($i, f, "=");
		if (f[2] + 0 < 90) bad = 1; n++ } } END { exit bad || n != 2 }'
}

# lc_case CASE RUN_ID: the inmate beside the loaded Linux cell. The load
# runs (SIGCONT) and is checked busy over 2 s first, its busy share over
# the measurement is read after the samples, then it stops (SIGSTOP):
# under QEMU's round-robin a load that yields every 12 instructions makes
# each virtual second cost many host seconds. Both lines are framed as
# CASE-load.
lc_case() {
	if [ $LC_STARTED = 0 ] && ! lc_boot; then
		skip "$1" "Linux cell: $(why /tmp/lc-why.out)"
		return
	fi
	lc_load "killall -CONT wd-busy" >/tmp/"$1"-load.out
	if ! lc_busy_ok /tmp/"$1"-load.out; then
		skip "$1" "Linux cell not busy: $(cat /tmp/"$1"-load.out)"
		return
	fi
	cell_case "$@"
	cat /tmp/lc-since.out >>/tmp/"$1"-load.out
	frame "$1-load" /tmp/"$1"-load.out
}

# lc_pause: from bench.sh's stop_load, right after the samples: the
# cell's busy share since lc_case's check (/tmp/lc-since.out), then the
# load stopped until the next case
lc_pause() {
	[ $LC_STARTED = 1 ] || return 0
	lc_load "killall -STOP wd-busy" since >/tmp/lc-since.out
}

# lc_stop: the Linux cell destroyed, so that `warden disable` may run
lc_stop() {
	[ $LC_STARTED = 1 ] || return 0
	warden cell destroy linux >/dev/null 2>&1
	LC_STARTED=0
}
