# Scenario noel2: QEMU without virtualization=on, so there is no EL2.
# enable must refuse with a clear message and Linux runs on.
. /scenarios/lib.sh
SYS=$(wd_system_config)
check "modprobe warden" modprobe warden
check_fails "enable without EL2 is refused" warden enable "$SYS"
check_output "enable says EL2 is missing" "EL2" warden enable "$SYS"
check "Linux runs on" sh -c 'sleep 1 && echo x >/tmp/x && grep -q x /tmp/x'
check "rmmod warden" rmmod warden
finish
