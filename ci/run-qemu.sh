#!/usr/bin/env bash
# Boot the Warden test image in QEMU virt (4 CPUs, 1 GiB, EL2 free).
#   ci/run-qemu.sh [--gic 2|3] [--virt on|off] [--kvm] [--scenario NAME]
#                  [--timeout SECONDS] [--log FILE] [--interactive]
#                  [--no-reserve] [--icount] [--kernel stock|rt]
#                  [--cpu MODEL] [--smp N] [--mem SIZE] [--trace FILE]
#                  [--monitor SOCKET] [--qemu-opt ARG]... [--smmu]
# --kernel rt boots Debian's PREEMPT_RT kernel (make setup fetches it) with
# its own image (out/ci/initrd-rt.gz, warden.ko built for it); --cpu,
# --smp, --mem override ci/qemu-args.sh (the DTB is made for them).
# --kvm leaves KVM in charge of EL2 (no kvm-arm.mode=none), for the
# negative tests; --no-reserve boots a DT without the reserved-memory node;
# --icount makes time instruction-driven (one TCG thread), for timing tests.
# --monitor names the monitor socket (with --log; else a temporary one);
# --qemu-opt appends one argument to QEMU's (bench/count-el2.sh).
# --smmu: -M virt,iommu=smmuv3 with three virtio-blk-pci devices behind
# the SMMU (scenario smmu, Documentation/dma.md): the root's disk, a probe
# device the root's own stream list has, one no config names.
# --trace logs every instruction QEMU runs in the hypervisor's range, and
# every exception, to FILE (bench/count-el2.py counts them; slow).
# Without --scenario the guest gives a shell (make run).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/ci/qemu-args.sh"
gic=3 virt=on kvm=0 plain= icount=() trace=() scenario= timeout=0 log= extra=
kernel=stock mon= qopts=()
while [ $# -gt 0 ]; do
	case $1 in
	--gic) gic=$2; shift ;;
	--virt) virt=$2; shift ;;
	--kvm) kvm=1 ;;
	--no-reserve) plain=-plain ;;
	--icount) icount=(-icount shift=3,sleep=off -accel tcg,thread=single) ;;
	--trace) trace=(-singlestep -d nochain,exec,int -D "$2"
		-dfilter "$QEMU_VIRT_HV_BASE+$QEMU_VIRT_HV_SIZE"); shift ;;
	--scenario) scenario=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--log) log=$2; shift ;;
	--append) extra="$extra $2"; shift ;;
	--interactive) ;;
	--kernel) kernel=$2; shift ;;
	--boot) boot=$2; shift ;; # uboot: see below
	--cpu) QEMU_CPU=$2; shift ;;
	--smp) QEMU_SMP=$2; shift ;;
	--mem) QEMU_MEM=$2; shift ;;
	--monitor) mon=$2; shift ;;
	--qemu-opt) qopts+=("$2"); shift ;;
	--linux-cell) kernel=linux ;;
	--smmu) export QEMU_IOMMU=smmuv3 ;;
	*) echo "run-qemu: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
export QEMU_CPU QEMU_SMP QEMU_MEM
dtb=$(qemu_dtb_base "$gic" "$virt")$plain.dtb
# Rebuilt when missing or older than the script that makes it.
[ "$dtb" -nt "$top/ci/mkdtb.sh" ] || bash "$top/ci/mkdtb.sh" "$gic" "$virt" >/dev/null
case $kernel in
stock) image=$top/.cache/arm64/Image initrd=$top/out/ci/initrd.gz ;;
rt) image=$top/.cache/arm64-rt/Image initrd=$top/out/ci/initrd-rt.gz ;;
linux) image=$top/.cache/arm64/Image initrd=$top/out/ci/initrd-linux.gz ;;
*) echo "run-qemu: --kernel stock|rt" >&2; exit 2 ;;
esac
[ -e "$image" ] || { echo "run-qemu: no $image: make setup" >&2; exit 2; }
# The Linux cell's image is rebuilt every time: nothing else makes it.
if [ "$kernel" = linux ] || [ ! -e "$initrd" ]; then
	bash "$top/ci/mkinitrd.sh" "$kernel" >/dev/null
fi
append="console=ttyAMA0 nokaslr panic=-1 loglevel=4$extra"
[ $kvm = 1 ] || append="$append kvm-arm.mode=none"
[ -z "$scenario" ] || append="$append wd.scenario=$scenario"
cmd=(qemu-system-aarch64 -M "$(qemu_machine "$gic" "$virt")" -cpu "$QEMU_CPU"
	-smp "$QEMU_SMP" -m "$QEMU_MEM" -nographic -no-reboot
	-kernel "$image" -initrd "$initrd" -dtb "$dtb"
	-append "$append" -rtc clock=vm "${icount[@]}" "${trace[@]}" "${qopts[@]}")
# --linux-cell: the Linux cell's console (virtio-mmio transport 31) and
# disk (30), both passed through to the cell (cells/arm64/linux.c); its
# console's other end is a port "cell" of a virtio-serial PCI device of
# the root, joined by a socket pair (the scenario drives the cell's shell).
if [ "$kernel" = linux ]; then
	sock=$(mktemp -u /tmp/wd-linux-cell.XXXXXX)
	cmd+=(-chardev "socket,id=cellcon,path=$sock,server=on,wait=off"
		-chardev "socket,id=rootend,path=$sock"
		-device virtio-serial-device,bus=virtio-mmio-bus.31,id=cellser
		-device virtconsole,chardev=cellcon,bus=cellser.0
		-drive "if=none,id=celldisk,format=raw,snapshot=on,file=$top/out/ci/linux-cell/disk.img"
		-device virtio-blk-device,drive=celldisk,bus=virtio-mmio-bus.30
		-device virtio-serial-pci,id=rootser
		-device virtserialport,chardev=rootend,name=cell,bus=rootser.0)
	trap 'rm -f "$sock"' EXIT
fi
if [ -n "${QEMU_IOMMU:-}" ]; then
	bash "$top/ci/mksmmudisks.sh"
	for d in disk:$QEMU_VIRT_SMMU_DISK_SLOT probe:$QEMU_VIRT_SMMU_PROBE_SLOT \
		stranger:$QEMU_VIRT_SMMU_STRANGER_SLOT; do
		cmd+=(-drive "if=none,id=${d%:*},format=raw,snapshot=on,file=$top/out/ci/smmu-${d%:*}.img"
			-device "virtio-blk-pci,drive=${d%:*},addr=${d#*:},disable-legacy=on,iommu_platform=on")
	done
fi
if [ "$timeout" != 0 ]; then
	cmd=(timeout --foreground -k 5 "$timeout" "${cmd[@]}")
fi
# --boot uboot boots through U-Boot (ci/mkuboot.sh), which reserves
# Warden's memory in the DT itself, instead of QEMU's -kernel and -dtb.
if [ "${boot:-direct}" = uboot ]; then
	ub=$top/out/ci/uboot-gicv$gic
	bash "$top/ci/mkuboot.sh" "$initrd" "$append" "$ub"
	cmd=(qemu-system-aarch64 -M "$(qemu_machine "$gic" "$virt")" -cpu "$QEMU_CPU"
		-smp "$QEMU_SMP" -m "$QEMU_MEM" -nographic -no-reboot
		-drive "if=pflash,unit=0,file=$ub/bios.bin,format=raw"
		-drive "if=pflash,unit=1,file=$ub/env.bin,format=raw"
		-device "loader,file=$ub/boot.scr,addr=0x40200000,force-raw=on"
		-device "loader,file=$image,addr=0x40400000,force-raw=on"
		-device "loader,file=$initrd,addr=0x48000000,force-raw=on"
		-rtc clock=vm "${icount[@]}")
	[ "$timeout" = 0 ] ||
		cmd=(timeout --foreground -k 5 "$timeout" "${cmd[@]}")
fi
# Waits for the guest's end-of-scenario line; if QEMU still runs
# POWEROFF_GRACE seconds later (the guest's power-off hung), logs the
# CPUs' state from the QEMU monitor and quits QEMU, rather than wait for
# the runner's timeout.
POWEROFF_GRACE=${POWEROFF_GRACE:-60}
watch_poweroff() { # QEMU_PID LOG MONITOR_SOCKET
	while ! grep -q '^=== scenario .* exit' "$2" 2>/dev/null; do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 2
	done
	sleep "$POWEROFF_GRACE"
	kill -0 "$1" 2>/dev/null || return 0
	{
		echo "run-qemu: the guest did not power off ${POWEROFF_GRACE}s after the scenario ended: CPU state, then quit"
		python3 "$top/ci/hmp.py" "$3" "info registers -a" quit
	} >>"$2" 2>&1
}
if [ -n "$log" ]; then
	[ -n "$mon" ] || mon=$(mktemp -u /tmp/wd-qemu-mon.XXXXXX)
	: >"$log" # appended to by QEMU and the watcher alike
	"${cmd[@]}" -monitor "unix:$mon,server=on,wait=off" </dev/null >>"$log" 2>&1 &
	qemu=$!
	watch_poweroff "$qemu" "$log" "$mon" &
	watcher=$!
	rc=0
	wait "$qemu" || rc=$?
	kill "$watcher" 2>/dev/null
	wait "$watcher" 2>/dev/null || true
	rm -f "$mon"
	exit $rc
else
	"${cmd[@]}"
fi
