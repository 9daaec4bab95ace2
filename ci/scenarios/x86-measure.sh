# Scenario x86-measure (q35, manual: ci/run-e2e x86-measure): the figures
# of Documentation/x86.md. Enable and disable times (dmesg, virtual time
# under -icount), exits of the root over 10 s by cause, idle and with a
# dd | sha256sum loop on each CPU (Warden prints each CPU's counters at
# disable: "mmio" are xAPIC accesses, "irq" NMIs), and N rounds of `warden cell list`
# (2 GET_INFO hypercalls each) for the VMMCALL round trip
# (bench/count-x86.py counts its instructions from a QEMU exec trace).
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
N=${N:-100}
check "modprobe warden" modprobe warden
up() { echo "### $1 at uptime $(cut -d' ' -f1 /proc/uptime) s"; }
check "enable (idle)" warden enable "$SYS"
up enabled
sleep 10
check "disable (idle)" warden disable
up disabled
echo "### idle root, 10 s:"
warden console | grep -E 'exits:'
dmesg | grep -E 'warden: (enable took|enabled on|disabled in)'
check "enable (load)" warden enable "$SYS"
up enabled
for c in 0 1 2 3; do
	taskset -c $c sh -c 'end=$(($(date +%s) + 10))
		while [ $(date +%s) -lt $end ]; do
			dd if=/dev/zero bs=64k count=50 2>/dev/null | sha256sum >/dev/null
		done' &
done
wait
check "disable (load)" warden disable
up disabled
echo "### loaded root, 10 s:"
warden console | grep -E 'exits:' | tail -n 4
check "enable (hypercalls)" warden enable "$SYS"
echo "=== x86-measure: hypercall loop start"
i=0
while [ $i -lt "$N" ]; do warden cell list >/dev/null; i=$((i + 1)); done
echo "=== x86-measure: hypercall loop end"
check "disable (hypercalls)" warden disable
echo "### $N x warden cell list:"
warden console | grep -E 'exits:' | tail -n 4
finish
