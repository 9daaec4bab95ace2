#!/bin/bash
# The checker's messages, word for word: runs the checker's unit tests
# with WARDEN_TEST_MSGLOG (tests/unit/recorder.c logs every violation's
# text) and compares the sorted, deduplicated lines with what the checker
# printed when it still formatted its own messages (commit before the
# violation codes). The rule-case tests' text is kept in full
# (messages.golden); the random mutations of test_layout give thousands of
# lines, kept as their sha256 (messages.sha256).
# usage: messages.sh TEST_DIR [--update]
set -u
dir=$1
here=$(dirname "$0")
log=$(mktemp /tmp/warden-msg.XXXXXX)
trap 'rm -f "$log" "$log".*' EXIT

run() { # run TEST...: the sorted unique messages of those tests
	rm -f "$log"
	for t in "$@"; do
		WARDEN_TEST_MSGLOG=$log "$dir/test_$t" >/dev/null 2>&1
	done
	touch "$log"
	LC_ALL=C sort -u "$log"
}

run platform cell set links colour gic_windows streams >"$log.rules"
run layout | sha256sum | cut -d' ' -f1 >"$log.layout"
if [ "${2:-}" = --update ]; then
	cp "$log.rules" "$here/messages.golden"
	cp "$log.layout" "$here/messages.sha256"
	exit 0
fi
if ! diff -u "$here/messages.golden" "$log.rules" ||
	! diff "$here/messages.sha256" "$log.layout"; then
	echo "FAIL: checker messages differ from tests/unit/messages.*"
	exit 1
fi
echo "PASS: checker messages unchanged ($(wc -l <"$log.rules") rule-case lines, test_layout's by sha256)"
