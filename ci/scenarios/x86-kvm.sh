# Scenario x86-kvm (q35, kvm_amd not blacklisted): KVM initialised owns
# SVM. enable refuses, naming KVM and the boot option; an arm64 config
# is refused as another architecture's; Linux runs on.
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
check "modprobe warden" modprobe warden
check_output "an arm64 config is refused on x86" "another architecture" \
	warden enable /etc/warden/other-arch.cell
for m in /lib/warden/test/*.ko; do
	check "insmod $(basename "$m")" insmod "$m"
done
check_fails "enable with KVM loaded is refused" warden enable "$SYS"
check_output "enable says KVM owns SVM" "KVM owns SVM.*kvm_amd" \
	warden enable "$SYS"
check "Linux runs on" root_runs 10000 all
finish
