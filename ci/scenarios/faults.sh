# Scenario faults: every fault a cell can make fails that cell alone (its
# state, Warden's message, the root and a second cell running on, the
# failed cell destroyed and created again), and every refused request
# leaves everything as it was.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
# the blob of cell 'demo' (CPU 3): direct-irq runs these checks with
# demo-direct; WD_NO_FINISH leaves the summary to the caller
DEMO=${DEMO_CELL:-demo}

# still_fine WHAT: the root and demo2 run on
still_fine() {
	local ticks
	ticks=$(console_count '^\[demo2\] hello: tick')
	check "$1: the root runs on" root_runs
	check "$1: demo2 ticks on" \
		wait_console '^\[demo2\] hello: tick' 10 $((ticks + 1))
}
# patch IN OUT OFFSET BYTES: a copy of blob IN with BYTES (printf octal
# escapes) written at OFFSET. Cell blob offsets: name 16, cpu_set 64,
# entry 80, mem[0].phys_start 104, mem[0].virt_start 112,
# mem[1].phys_start 136.
patch() {
	cp "$1" "$2" && printf "$4" | dd of="$2" bs=1 seek="$3" conv=notrunc 2>/dev/null
}
# unchanged WHAT: a refused request left the cells and CPUs as they were
unchanged() {
	check "$1: nothing changed" test "$(warden cell list | wc -l)" = "$ROWS" -a \
		"$(nproc)" = "$CPUS"
}

echo "### before enable"
check "modprobe warden" modprobe warden
check_fails "create while Warden is disabled is refused" \
	warden cell create $CELLS/$DEMO.cell
check_output "... and says why" "Warden is not enabled" \
	warden cell create $CELLS/$DEMO.cell
check "enable" warden enable "$SYS"
console_follow

echo "### a second cell runs through every fault"
check "create demo2" warden cell create $CELLS/demo2.cell
check "load hello into demo2" warden cell load demo2 $INMATES/hello.bin
check "start demo2" warden cell start demo2
check "demo2 ticks" wait_console '^\[demo2\] hello: tick 1'

# fault NAME KIND ADDR: run fault-NAME in demo, expect it to fail demo
fault() {
	local f=$1 kind=$2 addr=$3
	echo "### fault-$f"
	check "fault-$f: create demo (again)" warden cell create $CELLS/$DEMO.cell
	check "fault-$f: load" warden cell load demo $INMATES/fault-$f.bin
	check "fault-$f: start" warden cell start demo
	check "fault-$f: Warden says: cell 'demo' failed: $kind at $addr" \
		wait_console "^cell 'demo' failed: $kind at $addr \(cpu 3\)$" 10
	check "fault-$f: list: demo failed on CPU 3" in_list demo failed 3 3
	check_output "fault-$f: stats: one fault on CPU 3" '^3( +[0-9]+){7} +1 ' \
		warden cell stats demo
	still_fine "fault-$f"
	check "fault-$f: destroy the failed cell" warden cell destroy demo
}
fault oob-read "stage-2 read abort" 0x60000000
fault root-write "stage-2 write abort" 0x50000000
fault mmio "stage-2 read abort" $QEMU_VIRT_PL031_BASE
fault sysreg "trapped system register access" "0x[0-9a-f]+"
fault smc-sip "SMC that is not PSCI" "0x[0-9a-f]+"
fault gicd "GIC register of an IRQ it does not own" "0x80001[0-9a-f]{2}"
fault hvc-flood "hypercall flood" "0x[0-9a-f]+"

# An undefined instruction at EL1 goes to the cell's own vectors; the
# inmate library reports it (WD_HC_CELL_FAULT) and Warden fails the cell.
fault undef "undefined instruction \(reported by the inmate\)" "0x[0-9a-f]+"
check "undef: the inmate's own report said EC 0 at EL1" \
	wait_console '^\[demo\]   ESR_EL1 0x02000000: EC 0x00'

echo "### what a cell may do: PSCI by SMC"
check "smc: create demo" warden cell create $CELLS/$DEMO.cell
check "smc: load" warden cell load demo $INMATES/fault-smc.bin
check "smc: start" warden cell start demo
check "smc: PSCI_VERSION by SMC answers 1.0" \
	wait_console '^\[demo\] fault-smc: smc returned 0x10000'
check "smc: demo is not failed" in_list demo running 3 -
check "smc: destroy" warden cell destroy demo

echo "### refused requests change nothing"
check "create demo" warden cell create $CELLS/$DEMO.cell
check "load hello into demo" warden cell load demo $INMATES/hello.bin
check "start demo" warden cell start demo
ROWS=$(warden cell list | wc -l)
CPUS=$(nproc)
check_fails "a second 'demo' is refused" warden cell create $CELLS/$DEMO.cell
check_output "... it overlaps the running one" \
	"memory $QEMU_VIRT_CELL_RAM0 overlaps cell 'demo'" warden cell create $CELLS/$DEMO.cell
unchanged "second demo"
patch $CELLS/demo2.cell /tmp/clash.cell 16 'clash\000'
check_output "a cell on demo2's memory and CPU is refused" \
	"clash mem\[0\]: memory $QEMU_VIRT_CELL_RAM1 overlaps cell 'demo2'" \
	warden cell create /tmp/clash.cell
unchanged "clash"
patch $CELLS/$DEMO.cell /tmp/hv.cell 16 'hv\000'
# mem[0] follows the header (16 B) and struct wd_cell (96 B): its
# phys_start at 112, virt_start at 120 (config-format.md, revision 6).
printf '\000\000\000\177' | dd of=/tmp/hv.cell bs=1 seek=112 conv=notrunc 2>/dev/null
check_output "a cell on the hypervisor's memory is refused" \
	"overlaps the hypervisor" warden cell create /tmp/hv.cell
unchanged "hypervisor"
patch $CELLS/$DEMO.cell /tmp/greedy.cell 16 'greedy\000'
printf '\003' | dd of=/tmp/greedy.cell bs=1 seek=64 conv=notrunc 2>/dev/null
check_output "a cell taking the root's last CPUs is refused" \
	"takes the root's last CPU" warden cell create /tmp/greedy.cell
unchanged "last CPU"
check_output "load outside the loadable regions is refused" \
	"0x50000000 is outside the loadable regions of cell 'demo'" \
	sh -c "warden cell shutdown demo && warden cell load demo $INMATES/hello.bin -a 0x50000000"
dd if=/dev/zero of=/tmp/big.bin bs=1M count=17 2>/dev/null
check_output "an image larger than the region is refused" "too large" \
	warden cell load demo /tmp/big.bin
# -a off a page: refused by the driver; an aligned -a still loads
RAM_PLUS_4=$(printf 0x%x $(($QEMU_VIRT_GUEST_RAM + 4)))
check_output "a load address off a page is refused" \
	"load address $RAM_PLUS_4 is not 4 KiB aligned" \
	warden cell load demo $INMATES/hello.bin -a $RAM_PLUS_4
check "a page-aligned load address is taken" \
	warden cell load demo $INMATES/hello.bin -a $QEMU_VIRT_GUEST_RAM
# a cell whose RAM is seen at the GIC distributor (virt_start and entry
# 0x08000000): the checker names the GIC window
patch $CELLS/$DEMO.cell /tmp/gic.cell 16 'gic\000'
printf '\000\000\000\010' | dd of=/tmp/gic.cell bs=1 seek=80 conv=notrunc 2>/dev/null
printf '\000\000\000\010' | dd of=/tmp/gic.cell bs=1 seek=120 conv=notrunc 2>/dev/null
check_output "a cell RAM region over the GIC distributor is refused" \
	"gic mem\[0\]: guest-physical $QEMU_VIRT_GICD_BASE \(size $QEMU_VIRT_CELL_RAM_SIZE\) overlaps the GIC distributor at $QEMU_VIRT_GICD_BASE" \
	warden cell create /tmp/gic.cell
unchanged "GIC window"
check_output "load of an unknown cell is refused" "no cell 'nosuch'" \
	warden cell load nosuch $INMATES/hello.bin
check_output "start of an unknown cell is refused" "no cell 'nosuch'" \
	warden cell start nosuch
check_output "destroy of the root is refused" "it is the root cell" \
	warden cell destroy root
check_output "disable with cells is refused" "cells exist" warden disable
unchanged "requests"
check "demo can still start" warden cell start demo
check "destroy demo" warden cell destroy demo
check "destroy demo2" warden cell destroy demo2
check "disable" warden disable
[ -n "$WD_NO_FINISH" ] || finish
