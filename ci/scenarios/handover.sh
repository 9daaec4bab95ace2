# Scenario handover: what the root and cells hand each other through
# shared hardware and memory.
# - GICv3: the root's LPI table bases (GICR_PROPBASER/PENDBASER) are
#   taken only inside its own RAM, never at Warden's memory, a cell's or
#   past the end of its RAM.
# - Hardware-linked interrupts a cell leaves in Warden's queue when it is
#   shut down are deactivated: started again, it gets all of them again.
# - Link memory shared only by cells is scrubbed when the last of them is
#   destroyed, not before.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
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
		$(($QEMU_VIRT_HV_BASE | (prop & 0xfff)))
	lpi_refused "PENDBASER at a cell's memory (pool)" 0x78 \
		$(($QEMU_VIRT_POOL_BASE | (pend & ~0xfffffffff0000)))
	lpi_refused "PROPBASER whose table runs past the root's RAM" 0x70 \
		$(( ($QEMU_VIRT_POOL_BASE - 0x10000) | (prop & 0xfe0) | 16 ))
	lpi_refused "PROPBASER's upper half (PA 0x1_xxxx_xxxx)" 0x74 1
	lpi_refused "PENDBASER's lower half at Warden's memory" 0x78 $QEMU_VIRT_HV_BASE
	check "the registers are back" test "$(gicr 3 0x70)/$(gicr 3 0x78)" = \
		"$prop/$pend"
	check "CPU 3 comes back online" \
		sh -c 'echo 1 >/sys/devices/system/cpu/cpu3/online'
	check "unload the test module" rmmod warden-hcfuzz
}

# run_cell NAME INMATE: create, load and start
run_cell() {
	check "create $1" warden cell create $CELLS/$1.cell
	check "load $2 into $1" warden cell load $1 $INMATES/$2.bin
	check "start $1" warden cell start $1
}

irq_queue() {
	local arrived='^\[irqq\] irqqueue: run: 8 of 8 arrived'
	run_cell irqq irqqueue
	check "first run: its 8 SPIs arrive" wait_console "$arrived" 10
	check "its 8 SPIs made pending again with IRQs masked" \
		wait_console '^\[irqq\] irqqueue: 8 pending, IRQs masked' 10
	check "shut irqq down (4 in list registers, 4 queued)" \
		warden cell shutdown irqq
	check "start irqq again" warden cell start irqq
	check "second run: all 8 arrive (none left active at shutdown)" \
		wait_console "$arrived" 10 2
	grep '^\[irqq\] irqqueue: run' $WD_CONSOLE_LOG
	check "destroy irqq" warden cell destroy irqq
}

shm_says() { # shm_says CELL WHAT [COUNT]
	wait_console "^\\[$1\\] shmkeep: $2" 10 ${3:-1}
}

shm_scrub() {
	run_cell shm-a shmkeep
	check "shm-a finds link 2's memory clean" shm_says shm-a 'region clean'
	check "shm-a writes its pattern" shm_says shm-a 'pattern written'
	run_cell shm-b shmkeep
	check "shm-b, its peer, finds it" shm_says shm-b 'pattern found'
	check "destroy shm-a" warden cell destroy shm-a
	run_cell shm-a shmkeep
	check "shm-a again: shm-b kept the memory (no scrub yet)" \
		shm_says shm-a 'pattern found'
	check "destroy shm-a" warden cell destroy shm-a
	check "destroy shm-b, the last sharer" warden cell destroy shm-b
	run_cell shm-a shmkeep
	check "shm-a again: the memory was scrubbed" \
		shm_says shm-a 'region clean' 2
	grep -E '^\[shm-[ab]\] shmkeep: (pattern found|region)' $WD_CONSOLE_LOG
	check "destroy shm-a" warden cell destroy shm-a
}

check "load warden.ko" modprobe warden
check "enable Warden" warden enable "$SYS"
console_follow
sleep 1
case $SYS in
*gicv3*) lpi_tables ;;
esac
irq_queue
shm_scrub
check "disable Warden" warden disable
finish
