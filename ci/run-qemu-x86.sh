#!/usr/bin/env bash
# Boot the x86 Warden test image in QEMU q35 (TCG, -cpu max: AMD SVM with
# nested paging), Debian's stock amd64 kernel (make setup: .cache/x86).
#   ci/run-qemu-x86.sh [--scenario NAME] [--timeout SECONDS] [--log FILE]
#                      [--interactive] [--cpu MODEL] [--kvm] [--no-reserve]
#                      [--icount] [--append ARGS] [--qemu-opt ARG]...
# --kvm lets kvm_amd load (negative test: KVM owns SVM); --no-reserve
# boots without the memmap= reservation; --cpu max,-svm takes SVM away.
# The image is out/ci/initrd-x86.gz (ci/mkinitrd-x86.sh; ci/run-e2e builds
# it). Without --scenario the guest gives a shell (make run ARCH=x86).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/ci/qemu-x86-args.sh"
kvm=0 reserve=1 scenario= timeout=0 log= extra= icount=() qopts=()
while [ $# -gt 0 ]; do
	case $1 in
	--scenario) scenario=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--log) log=$2; shift ;;
	--interactive) ;;
	--cpu) QEMU_X86_CPU=$2; shift ;;
	--smp) QEMU_X86_SMP=$2; shift ;;
	--kvm) kvm=1 ;;
	--no-reserve) reserve=0 ;;
	--icount) icount=(-icount shift=3,sleep=off -accel tcg,thread=single) ;;
	--append) extra="$extra $2"; shift ;;
	--qemu-opt) qopts+=("$2"); shift ;;
	*) echo "run-qemu-x86: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
image=$top/.cache/x86/bzImage initrd=$top/out/ci/initrd-x86.gz
[ -e "$image" ] || { echo "run-qemu-x86: no $image: make setup" >&2; exit 2; }
[ -e "$initrd" ] || bash "$top/ci/mkinitrd-x86.sh" >/dev/null
# no5lvl: Warden's tables are 4-level (QEMU's max CPU has LA57).
append="console=ttyS0 nokaslr no5lvl panic=-1 loglevel=4$extra"
[ $kvm = 1 ] || append="$append modprobe.blacklist=kvm_amd"
[ $reserve = 0 ] || append="$append $QEMU_X86_RESERVE"
[ -z "$scenario" ] || append="$append wd.scenario=$scenario"
accel=(-accel tcg)
[ ${#icount[@]} = 0 ] || accel=()
cmd=(qemu-system-x86_64 -M q35 "${accel[@]}" -cpu "$QEMU_X86_CPU"
	-smp "$QEMU_X86_SMP" -m "$QEMU_X86_MEM" -nographic -no-reboot
	-kernel "$image" -initrd "$initrd" -append "$append" -rtc clock=vm
	"${icount[@]}" "${qopts[@]}")
[ "$timeout" = 0 ] || cmd=(timeout --foreground -k 5 "$timeout" "${cmd[@]}")
if [ -n "$log" ]; then
	"${cmd[@]}" </dev/null >"$log" 2>&1
else
	"${cmd[@]}"
fi
