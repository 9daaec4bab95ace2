# Scenario x86-measure (q35, manual: ci/run-e2e x86-measure): the figures
# of Documentation/x86.md. Enable and disable times (dmesg, virtual time
# under -icount), exits of an idle root over 10 s by cause (Warden prints
# each CPU's counters at disable), and N rounds of `warden cell list`
# (2 GET_INFO hypercalls each) for the VMMCALL round trip
# (bench/count-x86.py counts its instructions from a QEMU exec trace).
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
N=${N:-100}
check "modprobe warden" modprobe warden
check "enable (idle)" warden enable "$SYS"
sleep 10
check "disable (idle)" warden disable
echo "### idle root, 10 s:"
warden console | grep -E 'exits:'
dmesg | grep -E 'warden: (enable took|enabled on|disabled in)'
check "enable (hypercalls)" warden enable "$SYS"
echo "=== x86-measure: hypercall loop start"
i=0
while [ $i -lt "$N" ]; do warden cell list >/dev/null; i=$((i + 1)); done
echo "=== x86-measure: hypercall loop end"
check "disable (hypercalls)" warden disable
echo "### $N x warden cell list:"
warden console | grep -E 'exits:' | tail -n 4
finish
