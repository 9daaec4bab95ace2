# Guest-side helpers for e2e scenarios (busybox sh). Each check prints one
# "CHECK PASS|FAIL: what" line; `finish` prints the summary the host reads.
# kept when one scenario sources another (direct-irq runs faults.sh)
WD_PASS=${WD_PASS:-0}
WD_FAIL=${WD_FAIL:-0}
pass() { echo "CHECK PASS: $*"; WD_PASS=$((WD_PASS + 1)); }
fail() { echo "CHECK FAIL: $*"; WD_FAIL=$((WD_FAIL + 1)); }
# check "what" cmd args...: passes when cmd exits 0
check() {
	what=$1; shift
	if "$@" >/tmp/check.out 2>&1; then pass "$what"; else
		fail "$what (exit $?)"; sed 's/^/    /' /tmp/check.out; fi
}
# check_fails "what" cmd args...: passes when cmd runs and exits non-zero
# (126/127, "cannot run" and "not found", are failures of the test itself)
check_fails() {
	what=$1; shift
	"$@" >/tmp/check.out 2>&1
	rc=$?
	case $rc in
	0) fail "$what (unexpected success)" ;;
	126 | 127) fail "$what (could not run: exit $rc)" ;;
	*) pass "$what"; return ;;
	esac
	sed 's/^/    /' /tmp/check.out
}
# check_output "what" "regex" cmd args...: passes when output matches
check_output() {
	what=$1 re=$2; shift 2
	"$@" >/tmp/check.out 2>&1
	if grep -Eq -- "$re" /tmp/check.out; then pass "$what"; else
		fail "$what (no match for '$re')"; sed 's/^/    /' /tmp/check.out; fi
}
# the system config matching the booted GIC version
wd_system_config() {
	if grep -q 'arm,gic-v3' /proc/device-tree/intc*/compatible 2>/dev/null; then
		echo /etc/warden/qemu-virt-gicv3.cell
	else
		echo /etc/warden/qemu-virt-gicv2.cell
	fi
}
finish() {
	echo "SCENARIO DONE pass=$WD_PASS fail=$WD_FAIL"
}
# The Warden console ring is one page: scenarios that read a lot of it
# follow it into a file from enable on and grep that file instead.
WD_CONSOLE_LOG=/tmp/console.log
console_follow() { warden console -f >"$WD_CONSOLE_LOG" 2>&1 & }
console_count() { grep -Ec -- "$1" "$WD_CONSOLE_LOG"; }
# wait_console REGEX [SECONDS] [COUNT]: until REGEX matched COUNT lines
wait_console() {
	local n=0
	while [ "$(console_count "$1")" -lt "${3:-1}" ]; do
		[ $n -ge $((${2:-20} * 10)) ] && return 1
		sleep 0.1
		n=$((n + 1))
	done
}
