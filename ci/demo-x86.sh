#!/usr/bin/env bash
# make demo ARCH=x86: boot the x86 test machine (QEMU q35, TCG, AMD SVM +
# NPT, 4 CPUs) and run the x86 walk-through (scenario x86-demo), showing
# the guest's console as it goes.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$top/out/ci/logs"
bash "$top/ci/mkinitrd-x86.sh" >/dev/null || exit 2
log=$top/out/ci/logs/demo-x86.log
echo "demo: booting QEMU q35 (TCG, -cpu max: AMD SVM + NPT, 4 CPUs) with the stock Debian amd64 kernel..."
: >"$log"
bash "$top/ci/run-qemu-x86.sh" --scenario x86-demo --timeout 300 \
	--append iomem=relaxed --log "$log" &
pid=$!
tail -n +1 --pid=$pid -f "$log" 2>/dev/null |
	sed -un '/=== scenario x86-demo start/,/=== scenario x86-demo exit/p' |
	grep --line-buffered -v -e '^=== scenario' -e '^CHECK PASS'
wait $pid
if grep -q "SCENARIO DONE pass=[1-9][0-9]* fail=0" "$log"; then
	echo "demo: all steps succeeded (full console log: $log)"
else
	echo "demo: FAILED, see $log"; exit 1
fi
