# Scenario enable-rt: all of `enable` with Debian's PREEMPT_RT kernel as
# the root (enable-rt.env boots it; warden.ko built for it).
. /scenarios/lib.sh
check_output "the root kernel is PREEMPT_RT ($(uname -r))" PREEMPT_RT uname -v
. /scenarios/enable.sh
