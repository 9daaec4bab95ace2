#!/usr/bin/env bash
# Writes the latency inmate's run parameters into a copy of its image.
#   bench/patch-params.sh IN OUT [KEY=VALUE...]
# IN is latency.elf or latency.bin: both hold the parameter block
# (struct latency_params in inmates/demos/latency.c) verbatim, found by
# its 8-byte magic. Keys, in the block's order (u32 each, after the magic):
#   samples period_us busy_cpus flags run_id settle_ms report_delay_ms
#   tick_hz tick_work
# flags: bit 0 busy loops yield, bit 1 wait for IRQs by polling, not wfi,
# bit 2 the busy CPUs tick (tick_hz, tick_work) instead of copying.
# Keys not given keep the value in IN.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,9p "$0" >&2; exit 2; }
in=$1 out=$2
shift 2
keys=(samples period_us busy_cpus flags run_id settle_ms report_delay_ms
	tick_hz tick_work)
magic=WDLATPRM
offsets=$(grep -obUa "$magic" "$in" | cut -d: -f1)
if [ "$(wc -w <<<"$offsets")" != 1 ]; then
	echo "patch-params: $in: want exactly one '$magic' block, found" \
		"$(wc -w <<<"$offsets")" >&2
	exit 1
fi
start=$((offsets + 8))
# All values on one line (od prints four a line unless told): a key past
# the fourth would otherwise land in the first unnamed slot.
read -r -a values < <(od -An -tu4 -v -w$((4 * ${#keys[@]})) -j "$start" \
	-N $((4 * ${#keys[@]})) "$in")
for kv in "$@"; do
	found=0
	for i in "${!keys[@]}"; do
		if [ "${kv%%=*}" = "${keys[$i]}" ]; then
			values[$i]=$((${kv#*=}))
			found=1
		fi
	done
	[ $found = 1 ] || { echo "patch-params: unknown key in '$kv'" >&2; exit 2; }
done
le32() { # the bytes of a little-endian u32
	local v=$1 i
	for i in 0 8 16 24; do
		printf "\\x$(printf %02x $((v >> i & 255)))"
	done
}
cp "$in" "$out.tmp"
for v in "${values[@]}"; do le32 "$v"; done |
	dd of="$out.tmp" bs=1 seek="$start" conv=notrunc status=none
mv "$out.tmp" "$out"
