# Scenario linux-cell (Documentation/linux-cell.md): the stock kernel the
# root runs boots in cell 'linux' (CPUs 1-2, identity-mapped RAM, virtio
# console and disk passed through) beside the hello inmate in 'demo'
# (CPU 3). The root drives the cell's shell through its end of the
# cell's console (a virtio-serial port "cell", ci/run-qemu.sh
# --linux-cell). Then a panic in the cell: it shuts down by PSCI, the
# root and demo run on; destroy and relaunch, LINUX_CYCLES times.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
LNX=/lib/warden/linux
CELL_LOG=/tmp/cell-console.log
CMDLINE="console=hvc0 panic=-1 loglevel=6"
CYCLES=${LINUX_CYCLES:-10}

cell_linux() {
	warden cell linux $CELLS/linux.cell $LNX/Image -i $LNX/initrd.gz \
		-c "$CMDLINE" "$@"
}

demo_ticks() { console_count '^\[demo\] hello: tick'; }

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
for m in $LNX/*.ko; do
	insmod $m || fail "insmod $m"
done
t=0
while [ -z "$(cell_port)" ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
PORT=/dev/$(cell_port)
check "the root's end of the cell's console ($PORT)" test -c "$PORT"
# A port opens once: one descriptor for the reader and the writes.
exec 3<>"$PORT"
cat <&3 >"$CELL_LOG" 2>&1 &

echo "### hello in 'demo' on CPU 3, beside"
check "create demo" warden cell create $CELLS/demo.cell
check "load hello" warden cell load demo /lib/warden/inmates/hello.bin
check "start demo" warden cell start demo
check "hello ticks" wait_console '^\[demo\] hello: tick 2'

echo "### bad input changes nothing"
check_output "not an Image" "not an arm64 Linux Image" warden cell linux \
	$CELLS/linux.cell $CELLS/demo.cell
dd if=/dev/zero of=/tmp/big bs=1M count=64 2>/dev/null
check_output "an initrd that does not fit" "do not fit in the cell's RAM" \
	warden cell linux $CELLS/linux.cell $LNX/Image -i /tmp/big
rm -f /tmp/big
check_output "a DTB that is not one" "not a flattened device tree" \
	cell_linux -d $LNX/initrd.gz
check_output "a cell without a console device" "no console device" \
	warden cell linux $CELLS/demo2.cell $LNX/Image
check "... nothing was created" sh -c '! warden cell list | grep -q linux'

echo "### boot"
check "dump the generated DT" cell_linux --dump-dtb /tmp/cell.dtb
T0=$(uptime_ms)
check "warden cell linux" cell_linux
check "the cell's first init line" wait_cell '^linux-cell: init' 120
T1=$(uptime_ms)
check "the cell's shell" wait_cell '^linux-cell: shell' 60
T2=$(uptime_ms)
echo "linux-cell: cell linux -> first init line $((T1 - T0)) ms, -> shell $((T2 - T0)) ms (root uptime)"
check "list: linux running on 1-2" in_list linux running 1-2 -
check "uname -r in the cell" cell_run uname -r
check "the cell runs the root's kernel ($(cat /tmp/cell.out))" \
	test "$(cat /tmp/cell.out)" = "$(uname -r)"
cell_run nproc
check "nproc = 2 in the cell" test "$(cat /tmp/cell.out)" = 2
cell_run "awk '/MemTotal/ { print \$2 }' /proc/meminfo"
MEMKB=$(cat /tmp/cell.out)
check "MemTotal $MEMKB kB within the cell's RAM" \
	test "$MEMKB" -gt 32768 -a "$MEMKB" -le $((QEMU_VIRT_LINUX_RAM_SIZE / 1024))
cell_run cat /mnt/hello.txt
check "the cell reads its disk" \
	test "$(cat /tmp/cell.out)" = "hello from the cell's disk"

echo "### idle exits (5 s)"
warden cell stats linux >/tmp/s0
sleep 5
warden cell stats linux >/tmp/s1
paste /tmp/s0 /tmp/s1 | awk 'NR == 1 { n = (NF - 1) / 2; for (i = 2; i <= n; i++) h[i] = $i; next }
	{ printf "linux-cell: idle exits/s CPU %s:", $1
	  for (i = 2; i <= n; i++) printf " %s %d", h[i], ($(i + n + 1) - $i) / 5
	  print "" }'

echo "### panic, recover, relaunch"
i=1
while [ $i -le "$CYCLES" ]; do
	TICKS=$(demo_ticks)
	echo "echo c > /proc/sysrq-trigger" >&3
	wait_console "^cell 'linux' shut down: PSCI SYSTEM_RESET" 60 $i ||
		{ fail "cycle $i: the panic ends in a shutdown"; break; }
	echo "cycle $i: the cell shut down"
	in_list linux shut-down 1-2 - || { fail "cycle $i: list"; break; }
	echo "cycle $i: destroy"
	warden cell destroy linux || { fail "cycle $i: destroy"; break; }
	echo "cycle $i: destroyed"
	wait_console '^\[demo\] hello: tick' 5 $((TICKS + 1)) ||
		{ fail "cycle $i: demo ticks on"; break; }
	cell_linux >/dev/null || { fail "cycle $i: relaunch"; break; }
	wait_cell '^linux-cell: shell' 120 $((i + 1)) ||
		{ fail "cycle $i: the shell again"; break; }
	cell_run uname -r && [ "$(cat /tmp/cell.out)" = "$(uname -r)" ] ||
		{ fail "cycle $i: uname -r"; break; }
	i=$((i + 1))
done
[ $i -gt "$CYCLES" ] && pass "$CYCLES panics, each shut down, destroyed, relaunched"
check "demo still ticks" wait_console '^\[demo\] hello: tick' 5 $(($(demo_ticks) + 1))
check "the root runs" root_runs
check "shutdown linux" warden cell shutdown linux
check "destroy linux" warden cell destroy linux
check "destroy demo" warden cell destroy demo
check "the root has its 4 CPUs" test "$(nproc)" = 4
check "warden disable" warden disable
echo "--- cell console (last lines)"
tr -d '\r' <"$CELL_LOG" | tail -15
finish
