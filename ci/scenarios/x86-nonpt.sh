# Scenario x86-nonpt (q35, -cpu max,-npt): SVM without nested paging.
# enable refuses, naming NPT; Linux runs on.
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
check "modprobe warden" modprobe warden
check_fails "enable without NPT is refused" warden enable "$SYS"
check_output "enable says NPT is missing" "no nested paging" \
	warden enable "$SYS"
check "Linux runs on" root_runs 10000 all
check "rmmod warden" rmmod warden
finish
