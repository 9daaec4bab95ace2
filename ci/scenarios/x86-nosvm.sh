# Scenario x86-nosvm (q35, -cpu max,-svm): no AMD SVM. enable refuses
# with a clear message and Linux runs on.
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
check "modprobe warden" modprobe warden
check_fails "enable without SVM is refused" warden enable "$SYS"
check_output "enable says SVM is missing" "no AMD SVM" warden enable "$SYS"
check "Linux runs on" root_runs 10000 all
check "rmmod warden" rmmod warden
finish
