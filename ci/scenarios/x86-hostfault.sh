# Scenario x86-hostfault (q35, ARCH=x86): a fault in Warden itself, from
# the fault-test build (out/x86/warden-fault.bin, arch/x86/build.mk: CPU
# 1 reads an address Warden does not map when a SIPI starts it), prints
# the vector, CR2 and registers on Warden's console and stops that CPU:
# no triple fault, the machine does not reset. CPU 1 is offline in Linux
# first, so that Linux, which cannot online it again, runs on without it.
. /scenarios/lib.sh
check "the fault-test build is in the image" test -e /lib/warden/test/warden-fault.bin
cp /lib/warden/test/warden-fault.bin /lib/firmware/warden.bin
check "modprobe warden" modprobe warden
check "warden enable (fault-test build)" warden enable /etc/warden/qemu-q35.cell
check "CPU 1 offline" sh -c 'echo 0 >/sys/devices/system/cpu/cpu1/online'
check_fails "CPU 1 does not come back (Warden faults at its SIPI)" \
	sh -c 'echo 1 >/sys/devices/system/cpu/cpu1/online'
check_output "Warden prints the fault: #PF at 0x1000" \
	"CPU 1: fault in Warden: vector 14 error 0x0 at rip 0x[0-9a-f]+ .*cr2 0x1000" \
	warden console
check_output "with the registers" "^ *rax 0x[0-9a-f]+" warden console
check_output "and stops CPU 1" "CPU 1 stopped" warden console
check "the other CPUs run on (no triple fault, no reset)" root_runs 10000 all
finish
# Linux's own power-off hangs with a CPU Warden stopped (CPU 0 spins in
# it: soft lockup): turn the machine off through ACPI PM1a_CNT (ICH9
# PMBASE 0x600 + 4: SLP_EN, SLP_TYP 0 = S5 for QEMU).
printf '\000\040' | dd of=/dev/port bs=1 seek=$((0x604)) count=2 2>/dev/null
