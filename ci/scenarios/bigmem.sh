# Scenario bigmem: QEMU with 2 GiB (bigmem.env) and the shipped 1 GiB
# system config. Linux's RAM above the config's (0x80000000-0xbfffffff)
# would fault once Warden runs (the root took stage-2 aborts at
# 0xbffffa00 again and again: the machine hung), so enable must be refused
# with the range named, and Linux runs on.
. /scenarios/lib.sh
SYS=$(wd_system_config)
check "Linux has RAM up to 0xbfffffff" grep -q '^ *80000000-bfffffff : System RAM' /proc/iomem
check "modprobe warden" modprobe warden
check_fails "enable is refused" warden enable "$SYS"
check_output "the refusal names the missing RAM" \
	"Linux RAM 0x80000000-0xbfffffff is not in the config's root memory regions" \
	warden enable "$SYS"
check_output "... and says what to do" "mem=, reserved-memory" warden enable "$SYS"
check_fails "not enabled" warden disable
check "Linux runs on: sleep, tmpfs" sh -c 'sleep 1 && dd if=/dev/urandom of=/tmp/x bs=1M count=64 2>/dev/null && test "$(wc -c </tmp/x)" = 67108864'
ok=1
for c in $(seq 0 $(($(nproc) - 1))); do
	taskset -c "$c" sh -c 'i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done' || ok=0
done
check "Linux runs on: a loop on each CPU" test $ok = 1
check "rmmod warden" rmmod warden
finish
