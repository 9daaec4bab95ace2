# Scenario linux-cell (Documentation/linux-cell.md): the stock kernel the
# root runs boots in cell 'linux' (CPUs 1-2, identity-mapped RAM, virtio
# console and disk passed through) beside the hello inmate in 'demo'.
# The root drives the cell's shell through its end of the cell's console
# (a virtio-serial port "cell", ci/run-qemu.sh --linux-cell).
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
LNX=/lib/warden/linux
CELL_LOG=/tmp/cell-console.log
CMDLINE="console=hvc0 panic=0 loglevel=6"

# The root's port named "cell", as /dev/vportNpM.
cell_port() {
	for n in /sys/class/virtio-ports/*/name; do
		[ "$(cat "$n")" = cell ] && basename "$(dirname "$n")"
	done
}

# wait_cell REGEX [SECONDS]: until the cell's console shows REGEX; not
# when the cell failed meanwhile.
wait_cell() {
	t=0
	while ! grep -Eq -- "$1" "$CELL_LOG"; do
		[ $t -ge $((${2:-60} * 10)) ] && return 1
		[ $((t % 10)) = 9 ] && warden cell list | grep -q " linux  *failed" && return 1
		sleep 0.1
		t=$((t + 1))
	done
}

# cell_run CMD: runs CMD in the cell's shell; its output between markers
# lands in /tmp/cell.out.
CELL_SEQ=0
cell_run() {
	CELL_SEQ=$((CELL_SEQ + 1))
	echo "echo @@start$CELL_SEQ; $*; echo @@end$CELL_SEQ" >"$PORT"
	wait_cell "^@@end$CELL_SEQ" "${CELL_WAIT:-30}" || return 1
	sed -n "/^@@start$CELL_SEQ/,/^@@end$CELL_SEQ/p" "$CELL_LOG" |
		tr -d '\r' | sed '1d;$d' >/tmp/cell.out
}

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
for m in $LNX/*.ko; do
	check "the root's end of the cell's console: $(basename $m)" insmod $m
done
t=0
while [ -z "$(cell_port)" ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
PORT=/dev/$(cell_port)
check "port 'cell' found ($PORT)" test -c "$PORT"
cat "$PORT" >"$CELL_LOG" 2>&1 &
check "dump the generated DT" warden cell linux $CELLS/linux.cell \
	$LNX/Image -i $LNX/initrd.gz -c "$CMDLINE" --dump-dtb /tmp/cell.dtb
T0=$(uptime_ms)
check "warden cell linux" warden cell linux $CELLS/linux.cell \
	$LNX/Image -i $LNX/initrd.gz -c "$CMDLINE"
check "the cell's first init line" wait_cell '^linux-cell: init' 120
T1=$(uptime_ms)
check "the cell's shell" wait_cell '^linux-cell: shell' 60
T2=$(uptime_ms)
echo "linux-cell: cell linux -> init $((T1 - T0)) ms, -> shell $((T2 - T0)) ms"
check "uname -r in the cell" cell_run uname -r
check "the cell runs the root's kernel" test "$(cat /tmp/cell.out)" = "$(uname -r)"
cell_run nproc
check "nproc = 2 in the cell" test "$(cat /tmp/cell.out)" = 2
cell_run grep MemTotal /proc/meminfo
echo "cell: $(cat /tmp/cell.out)"
warden cell list
warden console | tail -20
echo "--- cell console"
cat "$CELL_LOG" | tail -80
finish
