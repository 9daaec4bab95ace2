#!/usr/bin/env bash
# Writes the latency inmate's run parameters into a copy of its image.
#   bench/patch-params.sh IN OUT SAMPLES PERIOD_US BUSY_CPUS FLAGS RUN_ID
# IN is latency.elf or latency.bin: both hold the parameter block
# (struct latency_params in inmates/demos/latency.c) verbatim, found by
# its 8-byte magic. FLAGS: bit 0 busy loops yield, bit 1 idle by spinning.
# RUN_ID is echoed in the report's first and last lines.
set -euo pipefail
[ $# -eq 7 ] || { sed -n 2,7p "$0" >&2; exit 2; }
in=$1 out=$2
magic=WDLATPRM
offsets=$(grep -obUa "$magic" "$in" | cut -d: -f1)
if [ "$(wc -w <<<"$offsets")" != 1 ]; then
	echo "patch-params: $in: want exactly one '$magic' block, found" \
		"$(wc -w <<<"$offsets")" >&2
	exit 1
fi
le32() { # the bytes of a little-endian u32
	local v=$1
	printf "\\x$(printf %02x $((v & 255)))\\x$(printf %02x $((v >> 8 & 255)))"
	printf "\\x$(printf %02x $((v >> 16 & 255)))\\x$(printf %02x $((v >> 24 & 255)))"
}
cp "$in" "$out.tmp"
{ le32 "$3"; le32 "$4"; le32 "$5"; le32 "$6"; le32 "$7"; } |
	dd of="$out.tmp" bs=1 seek=$((offsets + 8)) conv=notrunc status=none
mv "$out.tmp" "$out"
