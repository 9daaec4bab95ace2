#!/usr/bin/env bash
# The disks of ci/run-qemu.sh --smmu (scenario smmu), in out/ci/: the
# root's disk (64 MiB, zeroes: the scenario writes and reads it back) and
# the probe disks, whose sector n is 32 lines "WD-DMA-PROBE-n!" so a
# DMA that lands shows which sector it came from.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out/ci
mkdir -p "$out"
[ -e "$out/smmu-disk.img" ] || truncate -s 64M "$out/smmu-disk.img"
for d in probe stranger; do
	[ -e "$out/smmu-$d.img" ] && continue
	python3 - "$out/smmu-$d.img" <<'PY'
import sys
with open(sys.argv[1], "wb") as f:
    for n in range(8):
        f.write((b"WD-DMA-PROBE-%d!\n" % n) * 32)
PY
done
