#!/bin/bash
# The size gate of `make test` (issue 17): fails when warden.bin is larger
# than its budget, and then names the biggest functions, so the change
# that grew it is easy to find. Documentation/hypervisor.md (Size) says
# how the image is laid out and why the budget is what it is.
# usage: size-check.sh WARDEN_BIN WARDEN_ELF MAX_BYTES
set -u
bin=$1 elf=$2 max=$3
size=$(stat -c %s "$bin") || exit 2
if [ "$size" -le "$max" ]; then
	echo "size-check: warden.bin $size B <= $max B: ok"
	exit 0
fi
echo "size-check: FAIL: warden.bin is $size B, the budget is $max B"
echo "biggest EL2 functions (bytes):"
${CROSS:-aarch64-linux-gnu-}nm --size-sort -S "$elf" |
	while read -r _ hex type name; do
		case $type in t | T) printf '  %6d %s\n' "0x$hex" "$name" ;; esac
	done | tail -10
exit 1
