#!/usr/bin/env bash
# make demo: boot the test image and run the walk-through scenario,
# showing the guest's console as it goes.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$top/out/ci/logs"
bash "$top/ci/mkinitrd.sh" >/dev/null || exit 2
log=$top/out/ci/logs/demo.log
echo "demo: booting QEMU virt (GICv3, 4 CPUs, -icount) with the stock Debian kernel..."
: >"$log"
bash "$top/ci/run-qemu.sh" --gic 3 --icount --scenario demo --timeout 300 --log "$log" &
pid=$!
tail -n +1 --pid=$pid -f "$log" 2>/dev/null |
	sed -un '/=== scenario demo start/,/=== scenario demo exit/p' |
	grep --line-buffered -v -e '^=== scenario' -e '^CHECK PASS'
wait $pid
if grep -q "SCENARIO DONE pass=[1-9][0-9]* fail=0" "$log"; then
	echo "demo: all steps succeeded (full console log: $log)"
else
	echo "demo: FAILED, see $log"; exit 1
fi
