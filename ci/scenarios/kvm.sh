# Scenario kvm: Linux booted without kvm-arm.mode=none, so KVM owns EL2.
# enable must refuse with a clear message and Linux (and KVM) run on.
. /scenarios/lib.sh
SYS=$(wd_system_config)
check "modprobe warden" modprobe warden
check_fails "enable with KVM owning EL2 is refused" warden enable "$SYS"
check_output "enable names KVM" "KVM" warden enable "$SYS"
check "Linux runs on" sh -c 'sleep 1 && echo x >/tmp/x && grep -q x /tmp/x'
check "rmmod warden" rmmod warden
finish
