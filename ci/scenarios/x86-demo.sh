# Scenario x86-demo (q35, make demo ARCH=x86): the x86 walk-through.
# Lifts the running Linux into the root cell on every CPU, shows its CPUs
# under Warden, the root refused Warden's memory and an INIT of its own
# CPU kept inside Warden, then gives the machine back.
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
say() { echo "[demo] $*"; }
check "modprobe warden" modprobe warden
say "warden enable $SYS"
check "warden enable" warden enable "$SYS"
warden console | grep -E "enabled on" | sed 's/^/[demo]   /'
say "the root's CPUs, each now Warden's guest (exits by cause):"
warden cell stats root 2>&1 | sed 's/^/[demo]   /'
say "nproc: $(nproc); CPU 2 offline and online again (INIT+SIPI emulated):"
check "CPU 2 offline/online" sh -c 'echo 0 >/sys/devices/system/cpu/cpu2/online &&
	echo 1 >/sys/devices/system/cpu/cpu2/online'
say "nproc: $(nproc)"
say "the root reads Warden's memory (devmem $QEMU_X86_HV_BASE):"
devmem "$QEMU_X86_HV_BASE" 32 >/dev/null 2>&1
say "  devmem exit $? (killed by the #GP Warden injects)"
say "INIT+SIPI to the root's own CPU 3, whose code then reads Warden's memory:"
echo 0 >/sys/devices/system/cpu/cpu3/online
out=$(taskset -c 0 wd-x86-attack init 3 "$QEMU_X86_HV_BASE" 2>&1)
say "  $out"
check "the INIT attack is refused" test "$out" = refused
echo 1 >/sys/devices/system/cpu/cpu3/online
say "Warden's console:"
warden console | grep -E "refused" | sed 's/^/[demo]   /'
say "warden disable"
check "warden disable" warden disable
say "nproc after disable: $(nproc)"
finish
