# Scenario vnet (Documentation/vnet.md): warden-net's wdnet0 over link 3
# between the root and a Linux cell (cells/arm64/linux.c). ip addr add
# on both sides, 100 pings each way, 64 MiB with an md5sum compared on
# both sides, garbage in each side's ring (the other counts errors and
# carries on), the cell destroyed mid-transfer (the root: NO-CARRIER),
# created again (traffic resumes). Prints the figures of docs/bench/vnet.md
# ("vnet:" lines). The cell's shell is driven through its console as in
# linux-cell.sh.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
LNX=/lib/warden/linux
CELL_LOG=/tmp/cell-console.log
ROOT_IP=10.0.3.1 CELL_IP=10.0.3.2
NET=/sys/class/net/wdnet0
MB=${VNET_MB:-64}

cell_linux() {
	warden cell linux $CELLS/linux.cell $LNX/Image -i $LNX/initrd.gz \
		-c "console=hvc0 panic=-1 loglevel=4"
}

# carrier_is 0|1 [SECONDS]: the root's wdnet0 carrier; with 1, also its
# operstate "up": linkwatch activates the queue up to 1 s after the
# carrier (frames sent before are dropped)
carrier_is() {
	t=0 want=down
	[ "$1" = 1 ] && want=up
	while [ "$(cat $NET/carrier 2>/dev/null)" != "$1" ] ||
		[ "$(cat $NET/operstate)" != $want ]; do
		[ $t -ge $((${2:-10} * 10)) ] && return 1
		sleep 0.1
		t=$((t + 1))
	done
}

# cell_net_up [SECONDS]: the cell's wdnet0 up, then (SECONDS later, as
# with an address from DHCP) its address
cell_net_up() {
	cell_run "ip link set wdnet0 mtu 65000 up && sleep ${1:-0} && ip addr add $CELL_IP/24 dev wdnet0 && echo up"
	grep -qx up /tmp/cell.out
}

# 0 % loss over N pings (interval 20 ms) from the root / from the cell
ping_root() {
	ping -c "$1" -i 0.02 -W 2 $CELL_IP >/tmp/ping.out
	tail -2 /tmp/ping.out
	grep -q " 0% packet loss" /tmp/ping.out && return
	grep -o 'seq=[0-9]* .*' /tmp/ping.out | tr '\n' ' '
	netstats root
	cell_run "n=/sys/class/net/wdnet0; cat \$n/carrier \$n/operstate \$n/doorbells; for c in rx_packets tx_packets rx_dropped tx_dropped rx_errors; do echo \$c \$(cat \$n/statistics/\$c); done; ip neigh; grep -E '^(Ip|Icmp):' /proc/net/snmp; dmesg | tail -5"
	cat /tmp/cell.out
	return 1
}
ping_cell() {
	cell_run 90 "for i in \$(seq 50); do [ \$(cat /sys/class/net/wdnet0/operstate) = up ] && break; sleep 0.1; done; ping -c $1 -i 0.02 -W 2 $ROOT_IP >/tmp/p; tail -2 /tmp/p; grep -q ' 0% packet loss' /tmp/p || grep -o 'seq=[0-9]* ttl=[0-9]* time=[0-9]*' /tmp/p | tr '\\n' ' '"
	cat /tmp/cell.out
	grep -q " 0% packet loss" /tmp/cell.out
}

stat() { cat $NET/statistics/$1; }
# netstats SIDE: wdnet0's counters, neighbours, doorbells (on a failure)
netstats() {
	n=/sys/class/net/wdnet0
	echo "$1: carrier $(cat $n/carrier) $(cat $n/operstate) doorbells $(cat $n/doorbells)"
	for c in rx_packets tx_packets rx_dropped tx_dropped rx_errors; do
		printf "%s %s " $c "$(cat $n/statistics/$c)"
	done
	echo
	ip neigh show dev wdnet0
	grep -E '^(Ip|Icmp):' /proc/net/snmp
}

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
for m in $LNX/*.ko; do
	insmod $m || fail "insmod $m"
done
check "modprobe warden-net: wdnet0" sh -c "modprobe warden-net && test -d $NET"
check "wdnet0 up, $ROOT_IP" sh -c "ip link set wdnet0 mtu 65000 up &&
	ip addr add $ROOT_IP/24 dev wdnet0"
check "no peer: NO-CARRIER" sh -c "sleep 1; ip link show wdnet0 | grep -q NO-CARRIER"
t=0
while [ -z "$(cell_port)" ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
exec 3<>"/dev/$(cell_port)"
cat <&3 >"$CELL_LOG" 2>&1 &

echo "### the Linux cell, its wdnet0"
check "warden cell linux" cell_linux
check "the cell's shell" wait_cell '^linux-cell: shell' 180
check "the cell's wdnet0 up, $CELL_IP" cell_net_up
check "the root's carrier comes on" carrier_is 1 20

echo "### ping both ways"
T0=$(uptime_ms)
check "100 pings root -> cell, 0% loss" ping_root 100
T1=$(uptime_ms)
tail -1 /tmp/ping.out | sed 's/^/vnet: root->cell /'
check "100 pings cell -> root, 0% loss" ping_cell 100
echo "vnet: 100 pings root->cell took $((T1 - T0)) ms"

echo "### $MB MiB with a checksum"
dd if=/dev/urandom of=/tmp/data bs=1M count=$MB 2>/dev/null
SUM=$(md5sum </tmp/data | cut -d' ' -f1)
T0=$(uptime_ms)
dd if=/tmp/data of=/dev/null bs=1M 2>/dev/null
T1=$(uptime_ms)
COPY_MS=$((T1 - T0))
echo "echo @@rx; nc -l -p 5000 | md5sum; echo @@rxdone" >&3
sleep 1
read DB0 DBR0 <$NET/doorbells
P0=$(($(stat tx_packets) + $(stat rx_packets)))
T0=$(uptime_ms)
check "nc: $MB MiB root -> cell" nc $CELL_IP 5000 </tmp/data
T1=$(uptime_ms)
read DB1 DBR1 <$NET/doorbells
P1=$(($(stat tx_packets) + $(stat rx_packets)))
NET_MS=$((T1 - T0))
check "the cell's nc ends" wait_cell '^@@rxdone' 60
check "md5 the same on both sides ($SUM)" \
	sh -c "tr -d '\r' <$CELL_LOG | grep -q '^$SUM'"
echo "vnet: $MB MiB root->cell in $NET_MS ms; a read of the same $MB MiB in the root (dd to /dev/null) $COPY_MS ms"
echo "vnet: root doorbells rung $((DB1 - DB0)), taken $((DBR1 - DBR0)), frames $((P1 - P0)) (batching on)"

# xfer PORT LABEL: /tmp/d32 (32 MiB) root -> the cell's /dev/null, with
# the doorbells and frames, the root's and the cell's EL2 exits
exits() { # all of a cell's exits, all its CPUs
	warden cell stats "$1" 2>/dev/null |
		awk 'NR > 1 { for (i = 2; i <= NF; i++) s += $i } END { print s + 0 }'
}
busy() { # "cpu ..." lines of /proc/stat before and after (or both in $1)
	echo "$1 ${2:-}" | awk '{ printf "%d %d %d %d", $13 - $2, $15 - $4, $19 - $8, $16 - $5 }'
}
# xfer PORT LABEL RX TX: RX (the cell's receiver, PORT in it replaced)
# and TX (the root's sender, the port appended) move 32 MiB;
# RX's output lands in /tmp/cell.out, TX's in /tmp/tx.out
xfer() {
	# the cell's shell is busy in RX meanwhile: its CPU times come with it
	echo "echo @@x$1; a=\$(head -1 /proc/stat); ${3/PORT/$1}; echo @@stat$1 \$a \$(head -1 /proc/stat); echo @@x$1done" >&3
	sleep 1
	read DB0 DBR0 <$NET/doorbells
	P0=$(($(stat tx_packets) + $(stat rx_packets)))
	X0=$(exits linux) R0=$(exits root)
	S0=$(head -1 /proc/stat)
	T0=$(uptime_ms)
	$4 $1 >/tmp/tx.out || return 1
	T1=$(uptime_ms)
	X1=$(exits linux) R1=$(exits root)
	S1=$(head -1 /proc/stat)
	read DB1 DBR1 <$NET/doorbells
	P1=$(($(stat tx_packets) + $(stat rx_packets)))
	wait_cell "^@@x$1done" 60 || return 1
	tr -d '\r' <"$CELL_LOG" | sed -n "/^@@x$1\$/,/^@@stat$1 /p" | sed '1d;$d' >/tmp/cell.out
	tr -d '\r' <"$CELL_LOG" | grep "^@@stat$1 " | cut -d' ' -f2- >/tmp/cell.stat
	echo >>/tmp/vnet.figures "vnet: $2: user sys softirq idle (jiffies): root $(busy "$S0" "$S1"), cell $(busy "$(cat /tmp/cell.stat)")"
	echo >>/tmp/vnet.figures "vnet: $2: 32 MiB in $((T1 - T0)) ms = $(awk -v t=$((T1 - T0)) 'BEGIN { printf "%.2f", 32000 / t }') MiB/s; root doorbells rung $((DB1 - DB0)) taken $((DBR1 - DBR0)) for $((P1 - P0)) frames; EL2 exits: cell $((X1 - X0)), root $((R1 - R0))"
}
NC_RX="nc -l -p PORT >/dev/null" NC_TX="nc_tx"
nc_tx() { nc $CELL_IP "$1" </tmp/d32; }
NP_RX="warden-netperf -r PORT" NP_TX="np_tx"
np_tx() { warden-netperf -s $CELL_IP "$1" 32; }
# warden-netperf: both sides print "bytes N sum X ms T"; N and X agree
np_same() {
	cat /tmp/tx.out /tmp/cell.out
	[ "$(cut -d' ' -f1-4 /tmp/tx.out)" = "$(grep '^bytes' /tmp/cell.out | cut -d' ' -f1-4)" ] &&
		grep -q '^bytes 33554432 ' /tmp/tx.out
}
dd if=/dev/urandom of=/tmp/d32 bs=1M count=32 2>/dev/null
T0=$(uptime_ms)
cat /tmp/d32 >/dev/null
T1=$(uptime_ms)
echo "vnet: memcpy (cat of 32 MiB from tmpfs to /dev/null) $((T1 - T0)) ms"
ip link set lo up
check "32 MiB, batching on" xfer 5010 batching "$NC_RX" $NC_TX
check "warden-netperf 32 MiB" xfer 5013 "warden-netperf" "$NP_RX" $NP_TX
check "warden-netperf: the same bytes and sum on both sides" np_same
# the same at MTU 8000 (figures: the larger frames' share)
mtu_both() {
	ip link set wdnet0 mtu $1 && cell_run "ip link set wdnet0 mtu $1"
}
check "MTU 8000 both sides" mtu_both 8000
check "warden-netperf 32 MiB, MTU 8000" xfer 5014 "warden-netperf, MTU 8000" "$NP_RX" $NP_TX
check "MTU 8000: the same bytes and sum" np_same
check "MTU 65000 again" mtu_both 65000
# without the tool's checksums (figures: their share of a run)
np_tx_n() { warden-netperf -s $CELL_IP "$1" 32 -n; }
check "warden-netperf -n 32 MiB" xfer 5015 "warden-netperf -n" "$NP_RX -n" np_tx_n
check "warden-netperf -n: the same bytes" np_same
rm -f /tmp/lo.np
(warden-netperf -r 6001 >/tmp/lo.np) &
sleep 1
warden-netperf -s 127.0.0.1 6001 32 >/dev/null
t=0
while [ ! -s /tmp/lo.np ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
echo "vnet: loopback warden-netperf: $(cat /tmp/lo.np)"
rm -f /tmp/lo.np
(warden-netperf -r 6002 -n >/tmp/lo.np) &
sleep 1
warden-netperf -s 127.0.0.1 6002 32 -n >/dev/null
t=0
while [ ! -s /tmp/lo.np ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
echo "vnet: loopback warden-netperf -n: $(cat /tmp/lo.np)"
echo 0 >/sys/module/warden_net/parameters/batch
cell_run "echo 0 >/sys/module/warden_net/parameters/batch"
check "32 MiB, batching off" xfer 5011 "no batching" "$NC_RX" $NC_TX
echo 1 >/sys/module/warden_net/parameters/batch
cell_run "echo 1 >/sys/module/warden_net/parameters/batch"
# (a listener whose stdin ends closes early: give it one that does not)
rm -f /tmp/lo.bytes
(sleep 60 | nc -l -p 6000 | wc -c >/tmp/lo.bytes) &
sleep 1
T0=$(uptime_ms)
nc 127.0.0.1 6000 </tmp/d32
T1=$(uptime_ms)
t=0
while [ ! -s /tmp/lo.bytes ] && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
echo "vnet: loopback: $(cat /tmp/lo.bytes) bytes in $((T1 - T0)) ms (TCP and nc without warden-net)"
cell_run "a=\$(cut -d. -f1 /proc/uptime); dd if=/dev/zero bs=1M count=32 2>/dev/null | md5sum >/dev/null; echo \$((\$(cut -d. -f1 /proc/uptime) - a))"
echo "vnet: md5sum of 32 MiB in the cell: $(cat /tmp/cell.out) s"
cat /tmp/vnet.figures

# vnet-bench (icount, bench/): the figures only
if [ -z "${VNET_BENCH:-}" ]; then
echo "### garbage in the cell's ring"
E0=$(stat rx_errors)
cell_run "echo 30 >/sys/module/warden_net/parameters/garbage; ping -c 40 -i 0.02 -W 1 $ROOT_IP | tail -1"
cat /tmp/cell.out
E1=$(stat rx_errors)
ip -s link show wdnet0
echo "vnet: root rx_errors +$((E1 - E0)) (length $(stat rx_length_errors), fifo $(stat rx_fifo_errors), frame $(stat rx_frame_errors))"
check "the root counted the garbage (rx_errors $E0 -> $E1)" test $((E1 - E0)) -ge 20
check "length, index and checksum-offset errors all seen" \
	test "$(stat rx_length_errors)" -gt 0 -a "$(stat rx_fifo_errors)" -gt 0 \
	-a "$(stat rx_frame_errors)" -gt 0
check "after the garbage: 20 pings cell -> root" ping_cell 20
echo "### garbage in the root's ring"
echo 30 >/sys/module/warden_net/parameters/garbage
ping -c 40 -i 0.02 -W 1 $CELL_IP | tail -1
cell_run "cat /sys/class/net/wdnet0/statistics/rx_errors"
check "the cell counted the garbage ($(cat /tmp/cell.out) errors)" \
	test "$(cat /tmp/cell.out)" -ge 20
check "after the garbage: 20 pings root -> cell" ping_root 20
check "the root runs" root_runs

echo "### destroy the cell mid-transfer"
echo "echo @@rx2; nc -l -p 5001 >/dev/null; echo @@rx2done" >&3
sleep 1
nc $CELL_IP 5001 </tmp/data &
NCPID=$!
sleep 3
check "destroy linux mid-transfer" warden cell destroy linux
check "the root's carrier goes off" carrier_is 0 10
check "ip link: NO-CARRIER" sh -c "ip link show wdnet0 | grep -q NO-CARRIER"
kill $NCPID 2>/dev/null
wait $NCPID 2>/dev/null
check "the root runs" root_runs

# relaunch N: the cell created again while the root's resolution of its
# address is still pending (a pinger keeps it so while the cell is away:
# the case that lost the first pings before), then 20 pings from the
# first one with 0 % loss: no wait for a first answer or for the cell's
# operstate (the driver takes frames only once its queue is active, and
# announces itself then, Documentation/vnet.md)
relaunch() {
	ping -i 0.3 $CELL_IP >/dev/null 2>&1 &
	BG=$!
	check "warden cell linux again ($1)" cell_linux
	check "the cell's shell again ($1)" wait_cell '^linux-cell: shell' 180 $(($1 + 1))
	check "the cell's wdnet0 up again ($1), its address 0.5 s later" cell_net_up 0.5
	check "the root's carrier comes back ($1)" carrier_is 1 20
	kill $BG
	wait $BG 2>/dev/null
	check "relaunch $1: 20 pings root -> cell from the first, 0% loss" ping_root 20
}
echo "### create it again: traffic resumes"
relaunch 1
check "20 pings cell -> root" ping_cell 20
check "after the relaunch: 32 MiB" xfer 5012 "after the relaunch" "$NP_RX" $NP_TX
check "after the relaunch: the same bytes and sum" np_same
tail -1 /tmp/vnet.figures
for r in 2 3; do
	echo "### relaunch $r"
	check "destroy linux ($r)" warden cell destroy linux
	check "the root's carrier goes off ($r)" carrier_is 0 10
	relaunch $r
done
fi

check "shutdown linux" warden cell shutdown linux
check "destroy linux" warden cell destroy linux
check "carrier off at the end" carrier_is 0 10
check "rmmod warden-net" rmmod warden-net
check "warden disable" warden disable
check "the root has its 4 CPUs" test "$(nproc)" = 4
echo "--- cell console (last lines)"
tr -d '\r' <"$CELL_LOG" | tail -15
finish
