# Scenario aarch32: a cell whose CPU runs AArch32 at EL1 (WD_CELL_AARCH32,
# cells/arm64/aarch32.c, CPU 2) beside the AArch64 demo cell (hello, CPU
# 3). The aarch32-test inmate (inmates/aarch32) prints its checks:
# hypercalls by HVC (its console), PSCI by SMC32, an SGI to itself
# (GICv3: ICC_SGI1R by MCRR, trapped; GICv2: GICD_SGIR, emulated MMIO), a
# sign-extending MMIO load, a set/way operation (trapped CP15), and the
# EL1 virtual timer's ticks through CP15 and the GIC. Then each fault
# image fails that cell alone with Warden's message while the demo cell
# and the root run on, and the cell is destroyed and created again.
# Without arm-none-eabi-gcc the images are missing: the scenario says so.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
case $SYS in *gicv3*) GIC=3 ;; *) GIC=2 ;; esac
P='^\[aarch32\] aarch32:'

if [ ! -e $INMATES/aarch32-test.bin ]; then
	skip "no AArch32 images (install gcc-arm-none-eabi)"
fi

run_image() { # IMAGE: create, load, start the aarch32 cell
	check "$1: create" warden cell create $CELLS/aarch32.cell
	check "$1: load" warden cell load aarch32 $INMATES/$1.bin
	check "$1: start" warden cell start aarch32
}
others_run() { # WHAT: the root and the demo cell run on
	local ticks
	ticks=$(console_count '^\[demo\] hello: tick')
	check "$1: the root runs on" root_runs
	check "$1: demo ticks on" \
		wait_console '^\[demo\] hello: tick' 10 $((ticks + 1))
}

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
check "create demo (AArch64, CPU 3)" warden cell create $CELLS/demo.cell
check "load hello" warden cell load demo $INMATES/hello.bin
check "start demo" warden cell start demo
check "demo ticks" wait_console '^\[demo\] hello: tick 1' 20

for round in 1 2; do
	echo "### aarch32-test (round $round)"
	n=$(console_count "$P tick 5$")
	run_image aarch32-test
	check "hello from AArch32 SVC mode, comm region ok, GICv$GIC" \
		wait_console "$P hello from AArch32 EL1, mode 0x13, comm ok, cell 'aarch32', GICv$GIC$" 20 $round
	check "PSCI 1.0 by SMC32" \
		wait_console "$P PSCI version 1\.0 by SMC32, CPU_ON supported$" 10 $round
	check "SGI to self received" \
		wait_console "$P SGI 1 to self by .*: received$" 10 $round
	check "LDRSB of an emulated register sign-extends (-96)" \
		wait_console "$P LDRSB of IPRIORITYR27 = -96$" 10 $round
	check "DCCISW (trapped set/way) returns" \
		wait_console "$P DCCISW by set/way returned$" 10 $round
	check "virtual timer ticks (10 Hz)" \
		wait_console "$P tick 5$" 20 $((n + 1))
	check "the cell is running" in_list aarch32 running 2 -
	check_output "stats: hypercalls counted on CPU 2" '^2 +[1-9]' \
		warden cell stats aarch32
	others_run "aarch32-test"
	check "destroy" warden cell destroy aarch32
done

# fault IMAGE KIND ADDR: the image must fail the cell with this message
fault() {
	echo "### aarch32-fault-$1"
	run_image aarch32-fault-$1
	check "fault-$1: Warden says: cell 'aarch32' failed: $2 at $3" \
		wait_console "^cell 'aarch32' failed: $2 at $3 \(cpu 2\)$" 20
	check "fault-$1: the cell is failed" in_list aarch32 failed 2 2
	check_fails "fault-$1: the inmate did not run on" \
		grep -q "$P still running after the fault" "$WD_CONSOLE_LOG"
	others_run "fault-$1"
	check "fault-$1: destroy" warden cell destroy aarch32
}
fault undef "undefined instruction \(reported by the inmate\)" '0x4[0-9a-f]+'
fault oob-write "stage-2 write abort" 0x60000000
fault oob-exec "stage-2 instruction abort" 0x60000000
fault cp15 "trapped CP15 access" '0x4[0-9a-f]+'
fault writeback "stage-2 read abort" 0x8000000

if [ $GIC = 3 ]; then
	echo "### aarch32-test in a direct-IRQ cell (aarch32-direct.cell)"
	n=$(console_count "$P tick 5$") sgi=$(console_count "$P SGI 1 .*received$")
	check "direct: create" warden cell create $CELLS/aarch32-direct.cell
	check "direct: load" warden cell load aarch32 $INMATES/aarch32-test.bin
	check "direct: start" warden cell start aarch32
	check "direct: SGI to self received" \
		wait_console "$P SGI 1 to self by .*: received$" 20 $((sgi + 1))
	check "direct: virtual timer ticks" \
		wait_console "$P tick 5$" 20 $((n + 1))
	# 10 Hz ticks for 2 s: no IRQ exit for them (a trapping cell: >= 20)
	i1=$(cell_stat aarch32 2 irq)
	sleep 2
	i2=$(cell_stat aarch32 2 irq)
	[ -n "$i1" ] && [ $((i2 - i1)) -lt 5 ] &&
		pass "direct: $((i2 - i1)) IRQ exits in 2 s of ticks" ||
		fail "direct: IRQ exits '$i1' -> '$i2' in 2 s"
	check "direct: destroy" warden cell destroy aarch32
fi

echo "### two CPUs (aarch32-smp.cell): CPU_ON by SMC32 at a T32 entry"
n=$(console_count "$P tick 5$")
check "smp: create" warden cell create $CELLS/aarch32-smp.cell
check "smp: load" warden cell load aarch32 $INMATES/aarch32-test.bin
check "smp: start" warden cell start aarch32
check "smp: CPU 2 runs T32 code in SVC mode" \
	wait_console "$P CPU 2 up by SMC32 CPU_ON at a T32 entry, mode 0x13$" 20
check "smp: CPU_ON returned 0 on CPU 1" \
	wait_console "$P CPU_ON of CPU 2: 0, it ran$" 20
check "smp: ticks on CPU 1" wait_console "$P tick 5$" 20 $((n + 1))
check "smp: destroy" warden cell destroy aarch32

echo "### created again after the faults"
n=$(console_count "$P tick 5$")
run_image aarch32-test
check "ticks again" wait_console "$P tick 5$" 20 $((n + 1))
check "destroy" warden cell destroy aarch32
check "destroy demo" warden cell destroy demo
check "warden disable" warden disable
check "the root has its 4 CPUs" test "$(nproc)" = 4
finish
