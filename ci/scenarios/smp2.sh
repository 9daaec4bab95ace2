# Scenario smp2: QEMU with 2 CPUs (smp2.env) and the 4-CPU system config.
# Refused with the CPU message. The DT must be QEMU's for -smp 2 (not a
# cached 4-CPU one: Linux would then know CPUs 2-3 and enable would fail
# onlining them instead), so Linux must know exactly 2 possible CPUs.
. /scenarios/lib.sh
SYS=$(wd_system_config)
check "Linux knows 2 possible CPUs (the DT is -smp 2's)" \
	test "$(cat /sys/devices/system/cpu/possible)" = 0-1
check "modprobe warden" modprobe warden
check_fails "enable is refused" warden enable "$SYS"
check_output "the refusal says the CPUs are missing" \
	"the config's root CPUs are not all known to Linux" warden enable "$SYS"
check_fails "not enabled" warden disable
check "Linux runs on" sh -c 'sleep 1 && echo x >/tmp/x && grep -q x /tmp/x'
check "rmmod warden" rmmod warden
finish
