# Scenario cells-rt: all of `cells` with Debian's PREEMPT_RT kernel as the
# root (cells-rt.env boots it; warden.ko built for it).
. /scenarios/lib.sh
check_output "the root kernel is PREEMPT_RT ($(uname -r))" PREEMPT_RT uname -v
. /scenarios/cells.sh
