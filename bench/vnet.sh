#!/usr/bin/env bash
# `make bench-net`: scenario vnet-bench (the root and a Linux cell over
# warden-net, -icount: virtual time) and its figures ("vnet:" lines) into
# docs/bench/vnet-gicv3.txt. Documentation/vnet.md, docs/bench/vnet.md.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/ci/run-e2e" vnet-bench
out=$top/docs/bench/vnet-gicv3.txt
{
	echo "# make bench-net, $(date -u +%F), QEMU -icount shift=3,sleep=off (virtual time)"
	grep -a '^vnet:' "$top/out/ci/logs/vnet-bench-gicv3.log" | tr -d '\r'
} >"$out"
cat "$out"
