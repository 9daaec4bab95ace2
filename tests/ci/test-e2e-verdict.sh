#!/usr/bin/env bash
# ci/e2e-verdict.sh: what ci/run-e2e makes of a scenario's log. A skipped
# scenario (lib.sh's skip, e.g. chibios built without CHIBIOS_DIR) is
# SKIP, not FAIL and not PASS; under WARDEN_REQUIRE_THIRD_PARTY=1 it is
# FAIL; a skip after a failed check or an oops stays FAIL.
# Usage: tests/ci/test-e2e-verdict.sh   (run by `make test-unit`)
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/ci/e2e-verdict.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0 n=0
expect() { # WANT REQUIRE LINES...: the outcome of a log of LINES
	local want=$1 req=$2 got
	shift 2
	printf '%s\r\n' "=== scenario x start" "$@" "=== poweroff" >"$tmp/log"
	got=$(WARDEN_REQUIRE_THIRD_PARTY=$req e2e_outcome "$tmp/log")
	n=$((n + 1))
	if [ "$got" != "$want" ]; then
		echo "e2e-verdict: FAIL: require=$req [$*]: $got, want $want"
		bad=1
	fi
}
SK="SCENARIO SKIPPED: no ChibiOS images (build with CHIBIOS_DIR=...)"
expect PASS 0 "CHECK PASS: a" "SCENARIO DONE pass=1 fail=0"
expect PASS 1 "CHECK PASS: a" "SCENARIO DONE pass=1 fail=0"
expect FAIL 0 "CHECK FAIL: a" "SCENARIO DONE pass=0 fail=1"
expect FAIL 0 "SCENARIO DONE pass=0 fail=0"
expect FAIL 0 "nothing: a timeout"
expect SKIP 0 "$SK"
expect FAIL 1 "$SK"
expect FAIL 0 "CHECK FAIL: modprobe" "$SK"
expect FAIL 0 "$SK" "Kernel panic - not syncing: x"
expect FAIL 0 "CHECK PASS: a" "Internal error: Oops: 1" "SCENARIO DONE pass=1 fail=0"
printf '%s\r\n' "$SK" >"$tmp/log"
reason=$(e2e_skip_reason "$tmp/log")
n=$((n + 1))
[ "$reason" = "${SK#SCENARIO SKIPPED: }" ] ||
	{ echo "e2e-verdict: FAIL: reason '$reason'"; bad=1; }
[ $bad = 0 ] && echo "e2e-verdict: $n cases agree"
exit $bad
