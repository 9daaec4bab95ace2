# Scenario x86-noreserve (q35 booted without memmap=): Warden's range is
# Linux's RAM. enable refuses with a clear message; so it does a cell
# config given in place of the system's; Linux runs on.
. /scenarios/lib.sh
SYS=/etc/warden/qemu-q35.cell
check "modprobe warden" modprobe warden
check_output "a cell config given to enable is refused" "kind: 2, expected 1" \
	warden enable /etc/warden/hello.cell
check_fails "enable without reserved memory is refused" warden enable "$SYS"
check_output "enable says the memory is Linux RAM" "is Linux RAM: reserve it" \
	warden enable "$SYS"
check "Linux runs on" root_runs 10000 all
check "rmmod warden" rmmod warden
finish
