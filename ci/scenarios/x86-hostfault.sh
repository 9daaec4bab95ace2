# Scenario x86-hostfault (q35, ARCH=x86): a fault in Warden itself, from
# the fault-test build (out/x86/warden-fault.bin, arch/x86/build.mk: CPU
# 1 reads an address Warden does not map on its 1000th xAPIC access),
# prints the vector, CR2 and registers on Warden's console and stops that
# CPU: no triple fault, the machine does not reset, CPU 0 runs on.
. /scenarios/lib.sh
taskset -p 1 $$ >/dev/null # this shell and what it starts: CPU 0 only
check "the fault-test build is in the image" test -e /lib/warden/test/warden-fault.bin
cp /lib/warden/test/warden-fault.bin /lib/firmware/warden.bin
check "modprobe warden" modprobe warden
check "warden enable (fault-test build)" warden enable /etc/warden/qemu-q35.cell
n=0
until warden console | grep -q "CPU 1 stopped" || [ $n -ge 60 ]; do
	sleep 1
	n=$((n + 1))
done
check_output "Warden prints the fault: #PF at 0x1000" \
	"CPU 1: fault in Warden: vector 14 error 0x0 at rip 0x[0-9a-f]+ .*cr2 0x1000" \
	warden console
check_output "with the registers" "^ *rax 0x[0-9a-f]+" warden console
check_output "and stops CPU 1" "CPU 1 stopped" warden console
check "CPU 0 runs on (no triple fault, no reset)" \
	sh -c 'dd if=/dev/zero bs=64k count=100 2>/dev/null | sha256sum >/dev/null'
finish
