# Scenario noreserve: the DT reserves no memory for Warden, so its region
# is Linux's RAM. enable must refuse with a clear message.
. /scenarios/lib.sh
SYS=$(wd_system_config)
check "modprobe warden" modprobe warden
check_fails "enable without reserved memory is refused" warden enable "$SYS"
check_output "enable says the memory is not reserved" "reserved" warden enable "$SYS"
check "Linux runs on" sh -c 'sleep 1 && echo x >/tmp/x && grep -q x /tmp/x'
check "rmmod warden" rmmod warden
finish
