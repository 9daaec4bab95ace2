# Scenario boot: the module loads, /dev/warden exists, the guest CLI is
# the same version as the host build, config check accepts the shipped
# configs and rejects broken ones.
. /scenarios/lib.sh
check "modprobe warden" modprobe warden
check "/dev/warden exists" test -c /dev/warden
check_output "module answers the version ioctl" "warden.ko 0\.1 \(0\.1\)" warden status
check "guest warden --version matches host" \
	sh -c 'v=$(warden --version) && [ -n "$v" ] && [ "$v" = "$(cat /etc/warden/host-version)" ]'
for sys in /etc/warden/qemu-virt-gicv*.cell; do
	check "config check accepts $(basename $sys) + demo" \
		warden config check "$sys" /etc/warden/cells/demo.cell
done
# A blob with its magic flipped, and one truncated: exit 1 with a reason.
sys=/etc/warden/qemu-virt-gicv3.cell
{ printf 'XXXX'; dd if=$sys bs=1 skip=4 2>/dev/null; } >/tmp/badmagic.cell
check_output "config check names the bad magic" "magic" \
	warden config check /tmp/badmagic.cell
check_fails "config check rejects the bad magic" \
	warden config check /tmp/badmagic.cell
head -c 100 $sys >/tmp/short.cell
check_fails "config check rejects a truncated blob" \
	warden config check /tmp/short.cell
check_fails "config check: missing file" warden config check /nonexistent
check "rmmod warden" rmmod warden
check_fails "/dev/warden gone after rmmod" test -e /dev/warden
finish
