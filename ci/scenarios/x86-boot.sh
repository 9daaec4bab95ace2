# Scenario x86-boot (q35, ARCH=x86): the stock amd64 kernel is up with SVM
# free for Warden, the module loads, /dev/warden answers, the guest CLI is
# the host build's version.
. /scenarios/lib.sh
check_output "the CPU has SVM and NPT" "svm.* npt|npt.* svm" \
	grep -m1 '^flags' /proc/cpuinfo
check_fails "kvm_amd is not loaded" grep -q '^kvm_amd ' /proc/modules
check "modprobe warden" modprobe warden
check "/dev/warden exists" test -c /dev/warden
check_output "module answers the version ioctl" "warden.ko 0\.1 \(0\.1\)" warden status
check "guest warden --version matches host" \
	sh -c 'v=$(warden --version) && [ -n "$v" ] && [ "$v" = "$(cat /etc/warden/host-version)" ]'
# a top-level "Reserved" entry of /proc/iomem holds [base, base + size)
reserved() {
	grep '^[0-9a-f]*-[0-9a-f]* : Reserved$' /proc/iomem | cut -d' ' -f1 |
		while IFS=- read -r s e; do
			[ $((0x$s)) -le $(($1)) ] && [ $((0x$e)) -ge $(($1 + $2 - 1)) ] &&
				echo "0x$s-0x$e" && return 0
		done | grep -q .
}
check "Warden's memory is reserved (memmap=)" \
	reserved "$QEMU_X86_HV_BASE" "$QEMU_X86_HV_SIZE"
check "rmmod warden" rmmod warden
finish
