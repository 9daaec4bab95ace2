#!/usr/bin/env bash
# Every build product the README lists can be named as a goal by its
# relative path (make out/host/warden). `make -q` builds nothing and exits
# 2 when there is no rule, 1 when the goal is out of date. The outputs go
# to a directory that does not exist (OUT=.goal-test), so a goal that only
# "exists" as a file cannot pass for one that has a rule.
set -uo pipefail
cd "$(dirname "$0")/../.."
failed=0
for goal in host/warden arm64/warden arm64/warden.ko arm64/warden.bin \
	arm64/qemu-virt-gicv3.cell arm64/demo.cell arm64/inmates/hello.bin; do
	goal=.goal-test/$goal
	make -q --no-print-directory OUT="$PWD/.goal-test" "$goal" \
		>/dev/null 2>&1
	if [ $? = 2 ]; then
		echo "test-goals: FAIL: no rule for make $goal"
		failed=1
	fi
done
[ $failed = 0 ] && echo "test-goals: every README product is a make goal"
exit $failed
