# Scenario handover: what the root and cells hand each other through
# shared hardware and memory. GICv3: the root's LPI table bases
# (GICR_PROPBASER/PENDBASER) are taken only inside its own RAM, never at
# Warden's memory, a cell's or past the end of its RAM.
. /scenarios/lib.sh
SYS=$(wd_system_config)
HCFUZZ_KO=/lib/warden/test/warden-hcfuzz.ko
GICR=/sys/kernel/debug/warden-hcfuzz/gicr
LPI_REFUSED='^root: GIC LPI table outside the root.s RAM at '

# gicr CPU OFF [VALUE]: writes VALUE (if given) to CPU's redistributor
# register at OFF, prints the 64-bit register that holds OFF
gicr() { echo "$*" >$GICR && cat $GICR; }
# lpi_refused WHAT OFF VALUE: the write leaves CPU 3's register as it was
# and Warden says so; the register is put back whatever happened
lpi_refused() {
	local what=$1 off=$2 reg=$(($2 & ~7)) before after n
	before=$(gicr 3 $reg)
	n=$(console_count "$LPI_REFUSED")
	after=$(gicr 3 "$off" "$3")
	check "$what: refused (reads $after, was $before)" \
		test "$after" = "$before"
	check "$what: Warden reports it" wait_console "$LPI_REFUSED" 5 $((n + 1))
	gicr 3 $reg "$before" >/dev/null
}

lpi_tables() {
	local prop pend
	check "load the test module (raw GICR access)" insmod $HCFUZZ_KO
	check "take CPU 3 offline (its redistributor idle)" \
		sh -c 'echo 0 >/sys/devices/system/cpu/cpu3/online'
	prop=$(gicr 3 0x70)
	pend=$(gicr 3 0x78)
	echo "CPU 3: GICR_PROPBASER $prop GICR_PENDBASER $pend"
	check "Linux's LPI tables are set (IDbits >= 13)" \
		test $((prop & 0x1f)) -ge 13
	check "a PROPBASER in the root's RAM is taken (IDbits - 1)" \
		test "$(gicr 3 0x70 $((prop - 1)))" = "$(printf 0x%x $((prop - 1)))"
	check "a PENDBASER in the root's RAM is taken (64 KiB on)" \
		test "$(gicr 3 0x78 $((pend + 0x10000)))" = \
		"$(printf 0x%x $((pend + 0x10000)))"
	gicr 3 0x70 "$prop" >/dev/null
	gicr 3 0x78 "$pend" >/dev/null
	lpi_refused "PROPBASER at Warden's memory" 0x70 \
		$((0x7f000000 | (prop & 0xfff)))
	lpi_refused "PENDBASER at a cell's memory (pool)" 0x78 \
		$((0x77000000 | (pend & ~0xfffffffff0000)))
	lpi_refused "PROPBASER whose table runs past the root's RAM" 0x70 \
		$((0x76ff0000 | (prop & 0xfe0) | 16))
	lpi_refused "PROPBASER's upper half (PA 0x1_xxxx_xxxx)" 0x74 1
	lpi_refused "PENDBASER's lower half at Warden's memory" 0x78 0x7f000000
	check "the registers are back" test "$(gicr 3 0x70)/$(gicr 3 0x78)" = \
		"$prop/$pend"
	check "CPU 3 comes back online" \
		sh -c 'echo 1 >/sys/devices/system/cpu/cpu3/online'
	check "unload the test module" rmmod warden-hcfuzz
}

check "load warden.ko" modprobe warden
check "enable Warden" warden enable "$SYS"
console_follow
sleep 1
case $SYS in
*gicv3*) lpi_tables ;;
esac
check "disable Warden" warden disable
finish
