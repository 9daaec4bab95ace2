# Scenario irqprio (Documentation/interrupts.md, "Priorities"): a
# trapping cell's interrupts keep the priorities it programmed. The
# irqprio inmate masks at 0xc0 and sees only its SPI at 0x80, then opens
# the mask and gets the SPIs at 0xc0 and 0xf0 (below Linux's physical
# mask) and an SGI at 0xc0. Fails when every virtual interrupt gets one
# fixed priority, or the physical mask stays Linux's.
. /scenarios/lib.sh
SYS=$(wd_system_config)
CELLS=/etc/warden/cells
INMATES=/lib/warden/inmates
P='^\[irqq\] irqprio:'

check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
check "create irqq" warden cell create $CELLS/irqq.cell
check "load irqprio" warden cell load irqq $INMATES/irqprio.bin
check "start irqq" warden cell start irqq
check "the inmate is done" wait_console "$P (PASS|FAIL)" 20
grep "$P" "$WD_CONSOLE_LOG"
check "mask 0xc0: only the SPI at priority 0x80" \
	wait_console "$P mask 0xc0: 240\$" 1
check "mask 0xff: the SGI and SPIs at 0xc0 and 0xf0 follow" \
	wait_console "$P mask 0xff: 240 241 242 1\$" 1
check "the inmate says PASS" wait_console "$P PASS" 1
check "destroy irqq" warden cell destroy irqq
check "warden disable" warden disable
finish
