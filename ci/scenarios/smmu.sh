# Scenario smmu (Documentation/dma.md): Warden owns the SMMUv3 in front of
# QEMU's PCIe. The root's virtio-blk-pci disk works through it after
# enable; a probe device of the root (wd-dma-probe, driven from user
# space) DMAs into the root's memory, but its DMA at Warden's memory is
# refused, reported on Warden's console, and Warden's code there is
# unchanged (read back after disable); a device in no config aborts; a
# cell that takes the probe's stream owns its DMA until destroy (the
# probe, given the cell's guest-physical addresses, DMAs into its RAM,
# lent to the root by `cell load`; into root memory it faults); after
# disable the SMMU is in bypass and everything works as before.
# wd.smmu_sys=CONFIG on the kernel command line boots another system
# config (the negative check: qemu-virt-gicv3.cell leaves DMA unconfined).
. /scenarios/lib.sh
SYS=$(sed -n 's/.*wd\.smmu_sys=\([^ ]*\).*/\1/p' /proc/cmdline)
SYS=${SYS:-/etc/warden/qemu-virt-smmu.cell}
bdf() { echo "0000:00:0$1.0"; }
PROBE=$(bdf $QEMU_VIRT_SMMU_PROBE_SLOT)
STRANGER=$(bdf $QEMU_VIRT_SMMU_STRANGER_SLOT)
PROBE_SID=$(printf '0x%x' $((QEMU_VIRT_SMMU_PROBE_SLOT << 3)))
STRANGER_SID=$(printf '0x%x' $((QEMU_VIRT_SMMU_STRANGER_SLOT << 3)))
# a page of Warden's code (text starts at 0x2000 of warden.bin)
TARGET=$((QEMU_VIRT_HV_BASE + 0x4000))
TARGET_HEX=$(printf '0x%x' $TARGET)
STRAY_HEX=$(printf '0x%x' $((TARGET + 0x200))) # the vblk inmate's STRAY

# disk_rw TAG: 4 MiB of a pattern to the root's disk and back, uncached
disk_rw() {
	dd if=/dev/urandom of=/tmp/pat bs=1M count=4 2>/dev/null
	dd if=/tmp/pat of=/dev/vda bs=1M seek=8 conv=fsync 2>/dev/null &&
		echo 3 >/proc/sys/vm/drop_caches &&
		dd if=/dev/vda of=/tmp/back bs=1M skip=8 count=4 2>/dev/null &&
		cmp /tmp/pat /tmp/back
}
# disk_speed TAG: 48 MiB read, uncached, 5 times; ms and MiB/s to the log
disk_speed() {
	for i in 1 2 3 4 5; do
		echo 3 >/proc/sys/vm/drop_caches
		t0=$(uptime_ms)
		dd if=/dev/vda of=/dev/null bs=1M count=48 2>/dev/null
		t=$(($(uptime_ms) - t0))
		echo "disk read $1: 48 MiB in $t ms, $((48 * 1000 / (t + 1))) MiB/s"
	done
}
# probe_self SECTOR: the probe's DMA into its own page (root memory)
probe_self() { wd-dma-probe "$PROBE" "$1" | tee /dev/stderr | grep -q "got: WD-DMA-PROBE-$1!"; }
# probe_back: Linux takes the function back after cell vblk (it moved the
# BARs): remove and rescan place them again, virtio-blk binds and reads
# sector 3; then unbound again for wd-dma-probe.
probe_back() {
	echo 1 >/sys/bus/pci/devices/$PROBE/remove &&
		echo 1 >/sys/bus/pci/rescan || return 1
	n=0
	while ! ls /sys/bus/pci/devices/$PROBE/virtio*/block >/dev/null 2>&1 && [ $n -lt 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	dev=/dev/$(ls /sys/bus/pci/devices/$PROBE/virtio*/block) &&
		dd if=$dev bs=512 skip=3 count=1 2>/dev/null | head -c 15 | tee /dev/stderr |
		grep -q 'WD-DMA-PROBE-3!' &&
		echo "$PROBE" >/sys/bus/pci/drivers/virtio-pci/unbind
}
# The 1024 bytes at TARGET (the root's probe aims at the first 512, the
# vblk cell's device at the second) as 64-bit words: devmem maps /dev/mem (Warden's
# reserved memory has no linear mapping for read()); and warden.bin's.
target_words() {
	o=0
	while [ $o -lt 1024 ]; do
		devmem $((TARGET + o)) 64 | sed 's/^0x//' | tr A-F a-f
		o=$((o + 8))
	done
}
image_words() { od -A n -t x8 -v -j $((0x4000)) -N 1024 /lib/firmware/warden.bin | tr -s ' ' '\n' | grep .; }
same_as_image() {
	target_words >/tmp/target.words
	image_words >/tmp/image.words
	head -n 2 /tmp/target.words /tmp/image.words
	[ "$(wc -l </tmp/target.words)" = 128 ] && cmp /tmp/target.words /tmp/image.words
}

echo "### the root's PCI disk and the probe, before enable (SMMU off: bypass)"
for m in /lib/warden/pci/*.ko; do insmod "$m"; done
n=0
while [ ! -b /dev/vda ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
check "root disk /dev/vda (virtio-blk-pci 00:0$QEMU_VIRT_SMMU_DISK_SLOT.0)" test -b /dev/vda
for d in "$PROBE" "$STRANGER"; do
	echo "$d" >/sys/bus/pci/drivers/virtio-pci/unbind
done
check "disk: write and read back, before enable" disk_rw
disk_speed "before enable"
check "probe: DMA into its own page, before enable" probe_self 1

echo "### enable with the SMMU"
check "modprobe warden" modprobe warden
check "warden enable $SYS" warden enable "$SYS"
console_follow
check "disk: write and read back through the SMMU" disk_rw
disk_speed "after enable"
check "probe: DMA into its own page through the SMMU" probe_self 2
# QEMU's virtio-blk may still call the request done: what counts is the
# fault and Warden's memory, checked after disable.
wd-dma-probe "$PROBE" 3 "$TARGET"
warden cell list >/dev/null # a root hypercall: Warden reads the events
check "console: the fault, its stream, the root and the address" \
	wait_console "SMMU: DMA fault 0x10, stream $PROBE_SID \\(root\\), address $TARGET_HEX" 5
check_fails "stranger (in no config): its DMA into root memory aborts" \
	wd-dma-probe "$STRANGER" 4
warden cell list >/dev/null
check "console: the stranger's stream has no STE (no leaf table there)" \
	wait_console "SMMU: DMA fault 0x[24], stream $STRANGER_SID \\(no cell\\)" 5
check "disk still works" disk_rw

echo "### the probe's stream lent to cell 'dma', then back"
check "create cell dma (takes stream $PROBE_SID)" \
	warden cell create /etc/warden/cells/smmu-dma.cell
check "load an image into dma (its RAM lent to the root)" \
	warden cell load dma /lib/warden/inmates/hello.bin
# the queue and the buffer 1 MiB into the cell's RAM; the device is
# given the cell's guest-physical addresses, the SMMU finds the frames
check_output "probe: DMA into the cell's RAM at its guest-physical addresses" \
	"got: WD-DMA-PROBE-0!" wd-dma-probe "$PROBE" 0 --cell \
	$((QEMU_VIRT_CELL_RAM0 + 0x100000)) $((QEMU_VIRT_GUEST_RAM + 0x100000))
check_fails "probe: no DMA into root memory while the stream is the cell's" \
	probe_self 6
warden cell list >/dev/null
check "console: the fault names cell 'dma'" \
	wait_console "SMMU: DMA fault 0x10, stream $PROBE_SID \\(dma\\)" 5
check "destroy cell dma" warden cell destroy dma
check "probe: the stream is the root's again" probe_self 7

echo "### cell 'vblk' drives the probe device itself: ECAM page, BARs, stream"
# the root has no driver bound to it (unbound above)
check "create cell vblk (takes 00:0$QEMU_VIRT_SMMU_PROBE_SLOT.0's config page, a BAR window, stream $PROBE_SID)" \
	warden cell create /etc/warden/cells/smmu-vblk.cell
check "load vblk.bin" warden cell load vblk /lib/warden/inmates/vblk.bin
check "start vblk" warden cell start vblk
check "vblk: its BARs in its window" \
	wait_console "vblk: BAR 4 at $(printf '0x%x' $((QEMU_VIRT_SMMU_CELL_BARS >> 16)))" 10
check "vblk: sector 1 read into its RAM through the SMMU" \
	wait_console "vblk: sector 1 into its RAM: rc 0, got: WD-DMA-PROBE-1!" 10
# QEMU's virtio-blk calls the request done although the SMMU refused the
# data's DMA: what counts is the fault and Warden's memory after disable.
check "vblk: its device told to DMA at Warden's code" \
	wait_console "vblk: sector 2 to $STRAY_HEX \\(Warden\\)" 10
check "vblk: sector 4 read after a device reset" \
	wait_console "vblk: sector 4 into its RAM: rc 0, got: WD-DMA-PROBE-4!" 10
# no root hypercall since the start: the SMMU's event interrupt reports it
check "console: the fault names cell 'vblk' and the address (event IRQ)" \
	wait_console "SMMU: DMA fault 0x10, stream $PROBE_SID \\(vblk\\), address $STRAY_HEX" 5
check "destroy cell vblk" warden cell destroy vblk
# the inmate left bus mastering on; destroy turned it off (Command 0)
pci_command() { od -A n -t x2 -j 4 -N 2 /sys/bus/pci/devices/$PROBE/config | tr -d ' '; }
check "the function stopped mastering at destroy (Command 0x$(pci_command))" \
	test $((0x$(pci_command) & 4)) = 0
check "root: the function is back: rescanned, virtio-blk binds, reads it" \
	probe_back
check "probe: the stream is the root's again (driver unbound)" probe_self 6
grep -E 'SMMU|vblk' "$WD_CONSOLE_LOG"

echo "### the ITS's table bases stay in the root's RAM"
# its_bad_base: with the ITS off (it takes a base only then), the root
# points its command queue (GITS_CBASER: valid, one page) at Warden's
# code; Warden drops the write. The base read back must be unchanged.
# Written back only if it changed (a CBASER write rewinds the queue).
its_bad_base() {
	ctlr_a=$QEMU_VIRT_ITS_BASE
	cbaser_a=$((QEMU_VIRT_ITS_BASE + 0x80))
	old=$(devmem $cbaser_a 64) && ctlr=$(devmem $ctlr_a 32) || return 1
	devmem $ctlr_a 32 $((ctlr & ~1))
	devmem $cbaser_a 64 "$(printf '0x%x' $(((1 << 63) | TARGET)))"
	got=$(devmem $cbaser_a 64)
	[ "$got" = "$old" ] || devmem $cbaser_a 64 "$old"
	devmem $ctlr_a 32 "$ctlr"
	echo "GITS_CBASER $old, after the write at $TARGET_HEX: $got"
	[ "$got" = "$old" ]
}
check "ITS: a command queue at Warden's code is refused" its_bad_base
check "console: the refused ITS base reported" \
	wait_console "root: GIC ITS table outside the root's RAM" 5
check "disk works with the ITS back on (its MSIs)" disk_rw

echo "### disable: the SMMU back in bypass"
check "warden disable" warden disable
check "Warden's code at $TARGET_HEX is unchanged (the refused DMA's target)" \
	same_as_image
check "disk works after disable" disk_rw
check "probe: DMA into its own page after disable" probe_self 5
finish
