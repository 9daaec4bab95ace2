# Scenario x86-faults (q35, ARCH=x86): a cell that breaks a rule fails
# alone, with a console message, while a second cell and the root run on;
# the failed cell is destroyed and created again. Cases (the inmate
# library's fault demos, and the test fixture tests/x86/inmate-min.S for
# two addresses): memory outside its own (Warden's, another cell's RAM,
# the root's RAM and IOAPIC, beyond its RAM), an I/O port and an MSR it
# does not own, a triple fault, a hypercall flood, an undefined
# instruction, INIT and fixed IPIs to a CPU outside the cell.
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
INMATES=/lib/warden/inmates

failed_case() { # N WHAT MESSAGE-REGEX
	local n=$1 c_name=$2 msg=$3 before
	echo "### fault $n: $c_name"
	before=$(console_count "cell 'hello' failed")
	check "$c_name: create hello" warden cell create /etc/warden/hello.cell
	check "$c_name: load $n" warden cell load hello $INMATES/$n.bin
	check "$c_name: start" warden cell start hello
	check "$c_name: the cell fails with a message" \
		wait_console "^cell 'hello' failed: $msg" 20 1
	check "$c_name: one failure more" \
		wait_console "cell 'hello' failed" 5 $((before + 1))
	check "$c_name: list says failed" sh -c 'warden cell list | grep hello | grep -q failed'
	check "$c_name: hello2 runs on" wait_console '^\[hello2\] inmate-min: tick' 5 \
		$(($(console_count '^\[hello2\] inmate-min: tick') + 2))
	check "$c_name: the root runs on" root_runs 10000 all
	check "$c_name: destroy the failed cell" warden cell destroy hello
}

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
NCPU=$(nproc)
check "create hello2 (CPU 2) to run beside" warden cell create /etc/warden/hello2.cell
check "load hello2" warden cell load hello2 $INMATES/inmate-min-0.bin
check "start hello2" warden cell start hello2
check "hello2 ticks" wait_console '^\[hello2\] inmate-min: tick 1$'

# The test fixture (tests/x86/inmate-min.S) for the addresses the
# library's demos do not try: Warden's memory, another cell's RAM.
failed_case inmate-min-1 "read of Warden's memory" \
	"access to memory it does not own at 0x3f800000"
failed_case inmate-min-2 "write to another cell's RAM" \
	"access to memory it does not own at 0x3c400000"
# The inmate library's fault demos (inmates/demos/x86/fault.c).
failed_case fault-oob-read "read outside its RAM" \
	"access to memory it does not own at 0x20000000"
failed_case fault-oob-write "write to the root's RAM" \
	"access to memory it does not own at 0x1000000"
failed_case fault-mmio "read of the root's IOAPIC" \
	"access to memory it does not own at 0xfec00010"
failed_case fault-ioport "I/O port it does not own (COM1)" \
	"I/O port it does not own at 0x3f8"
failed_case fault-msr "MSR it does not own (VM_HSAVE_PA)" \
	"read of an MSR it does not own at 0xc0010117"
failed_case fault-triple "triple fault" "shutdown \\(triple fault\\)"
failed_case fault-vmmcall-flood "hypercall flood" "hypercall flood"
failed_case fault-undef "undefined instruction" ".*reported by the inmate"
failed_case fault-ipi-init "INIT to a CPU outside the cell" "IPI outside the cell"
failed_case fault-ipi-fixed "fixed IPI to a CPU outside the cell" \
	"IPI outside the cell"
check_fails "no fault was survived" grep -Eq "survived|: no fault" "$WD_CONSOLE_LOG"

echo "### after the faults: a good inmate in the same cell"
check "create hello again" warden cell create /etc/warden/hello.cell
check "load the ticking inmate" warden cell load hello $INMATES/inmate-min-0.bin
check "start it" warden cell start hello
check "it ticks" wait_console '^\[hello\] inmate-min: tick 2$'
check "destroy hello" warden cell destroy hello
check "destroy hello2" warden cell destroy hello2
check "the root has all CPUs again" test "$(nproc)" = "$NCPU"
check "the root runs on every CPU" root_runs 10000 all
check "warden disable" warden disable
finish
