#!/usr/bin/env bash
# The shell's copy of the board (ci/mkboard.sh) must say what the C
# compiler reads in configs/arm64/qemu-virt-board.h: every NAME=value line
# becomes a _Static_assert(NAME == value) compiled against the header,
# and every object-like QEMU_VIRT_* macro with a value must have a line.
# Usage: tests/board/test-board.sh   (run by `make test-unit`)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
hdr=$top/configs/arm64/qemu-virt-board.h
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$top/ci/mkboard.sh" >"$tmp/board.sh"
{
	echo "#include \"$hdr\""
	grep -E '^QEMU_VIRT_[A-Z0-9_]+=' "$tmp/board.sh" |
		sed -E 's/^([A-Z0-9_]+)=(.*)$/_Static_assert((\1) == (\2), "\1");/'
} >"$tmp/check.c"
want=$(cpp -dM "$hdr" | awk '$1 == "#define" &&
	$2 ~ /^QEMU_VIRT_[A-Z0-9_]+$/ && NF > 2' | wc -l)
have=$(grep -cE '^QEMU_VIRT_[A-Z0-9_]+=' "$tmp/board.sh")
if [ "$want" != "$have" ] || [ "$have" -lt 10 ]; then
	echo "board: FAIL: $have shell values for $want macros"
	exit 1
fi
if ! gcc -std=c11 -fsyntax-only "$tmp/check.c"; then
	echo "board: FAIL: ci/mkboard.sh disagrees with $hdr"
	exit 1
fi
echo "board: $have values agree with the header"
