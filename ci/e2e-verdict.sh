# The verdict of one scenario run (sourced by ci/run-e2e and by
# tests/ci/test-e2e-verdict.sh). e2e_outcome LOG prints one word:
#   PASS  the guest finished with >= 1 passed check and none failed
#   SKIP  the scenario said "SCENARIO SKIPPED: why" (lib.sh's skip: a part
#         the build left out, such as the third-party RTOS sources) and
#         failed nothing before; FAIL instead when
#         WARDEN_REQUIRE_THIRD_PARTY=1 (make test sets it when the build
#         found every third-party source: a skip there hides a broken build)
#   FAIL  anything else: a failed check, a kernel oops, no summary line
e2e_broken() { # LOG: the root kernel died or warned
	grep -qE "Kernel panic|Internal error: Oops|BUG:|Call trace:" "$1"
}
e2e_outcome() {
	if e2e_broken "$1"; then
		echo FAIL
	elif grep -q "SCENARIO DONE pass=[1-9][0-9]* fail=0" "$1"; then
		echo PASS
	elif grep -q "^SCENARIO SKIPPED: " "$1" && ! grep -q "CHECK FAIL" "$1" &&
		[ "${WARDEN_REQUIRE_THIRD_PARTY:-0}" != 1 ]; then
		echo SKIP
	else
		echo FAIL
	fi
}
# e2e_skip_reason LOG: what the scenario said it lacks
e2e_skip_reason() { sed -n 's/^SCENARIO SKIPPED: //p' "$1" | head -n 1 | tr -d '\r'; }
