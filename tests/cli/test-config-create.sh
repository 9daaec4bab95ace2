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

# expect RC PATTERN OUT CMD...: CMD exits with RC, its output matches the
# regex PATTERN, and on failure it left neither OUT nor a temporary file.
expect() {
	local rc=$1 pattern=$2 out=$3 got text
	shift 3
	text=$("$@" 2>&1)
	got=$?
	if [ "$got" != "$rc" ] || ! grep -Eq -- "$pattern" <<<"$text"; then
		bad "$* (exit $got, wanted $rc and /$pattern/): $text"
	elif [ "$rc" != 0 ] && ls "$out"* >/dev/null 2>&1; then
		bad "$*: left $(ls "$out"*)"
	else
		ok "$*"
	fi
}

# The cell form on QEMU virt: free CPUs and pool memory, a DT device
cell_form() {
	local sys=$blobs/qemu-virt-gicv3.cell dtb=$top/out/ci/virt-gicv3-on.dtb
	expect 0 '' "$tmp/c1.c" "$warden" config create --cell c1 --cpus 1 \
		--ram 16M "$sys" "$blobs/demo.cell" -o "$tmp/c1.c"
	expect 0 '' "$tmp/c2.c" "$warden" config create --cell c2 --cpus 1 \
		--ram 8M --dtb "$dtb" --device /pl031@9010000 "$sys" \
		"$blobs/demo.cell" -o "$tmp/c2.c"
	blob "$tmp/c1.c" "$tmp/c1.cell" && blob "$tmp/c2.c" "$tmp/c2.cell"
	expect 0 '^ok$' - "$warden" config check "$sys" "$blobs/demo.cell" \
		"$tmp/c1.cell"
	expect 0 '^ok$' - "$warden" config check "$sys" "$blobs/demo.cell" \
		"$tmp/c2.cell"
	# does not fit: CPUs (demo has CPU 3, CPU 0 stays the root's), RAM
	expect 1 'does not fit: 3 CPUs asked, 2 free' "$tmp/c3.c" \
		"$warden" config create --cell c3 --cpus 3 --ram 1M "$sys" \
		"$blobs/demo.cell" -o "$tmp/c3.c"
	expect 1 'does not fit: no free 0x8000000 bytes' "$tmp/c3.c" \
		"$warden" config create --cell c3 --cpus 1 --ram 128M "$sys" \
		-o "$tmp/c3.c"
	expect 1 "holds Warden's console UART" "$tmp/c3.c" \
		"$warden" config create --cell c3 --cpus 1 --ram 1M \
		--dtb "$dtb" --device /pl011@9000000 "$sys" -o "$tmp/c3.c"
	expect 1 '/nope: no such node' "$tmp/c3.c" "$warden" config create \
		--cell c3 --cpus 1 --ram 1M --dtb "$dtb" --device /nope \
		"$sys" -o "$tmp/c3.c"
}

# Bad DTBs: each a clear error naming what is wrong, and no output file
bad_input() {
	local dtb=$top/out/ci/virt-gicv3-on.dtb d=$tmp/bad.dtb o=$tmp/bad.c
	local create=("$warden" config create --num-irqs 288)
	head -c 200 "$dtb" >"$d"
	expect 2 'not a usable device tree blob' "$o" "${create[@]}" \
		--dtb "$d" -o "$o"
	printf 'hello\n' >"$d"
	expect 2 'not a usable device tree blob' "$o" "${create[@]}" \
		--dtb "$d" -o "$o"
	cp "$dtb" "$d" && fdtput -r "$d" /cpus
	expect 1 '/cpus: no such node' "$o" "${create[@]}" --dtb "$d" -o "$o"
	cp "$dtb" "$d" && fdtput -t s "$d" /intc@8000000 compatible acme,pic
	expect 1 '/intc@8000000: interrupt controller "acme,pic" is not a GIC' \
		"$o" "${create[@]}" --dtb "$d" -o "$o"
	cp "$dtb" "$d" && fdtput -r "$d" /reserved-memory
	expect 1 'no no-map node warden@.*--mem-reserve' "$o" "${create[@]}" \
		--dtb "$d" -o "$o"
	cp "$dtb" "$d" && fdtput -c "$d" /reserved-memory/fw@7f800000 &&
		fdtput -t x "$d" /reserved-memory/fw@7f800000 reg 0 0x7f800000 \
			0 0x100000
	expect 1 'overlaps /reserved-memory/fw@7f800000' "$o" "${create[@]}" \
		--dtb "$d" -o "$o"
	cp "$dtb" "$d" && fdtput -t x "$d" /memory@40000000 reg 0 0x40000000 0 0
	expect 1 '/memory@40000000: no RAM .*--ram' "$o" "${create[@]}" \
		--dtb "$d" -o "$o"
	expect 1 'not a PL011' "$o" "${create[@]}" --dtb "$dtb" \
		--console /pl031@9010000 -o "$o"
	# real boards' DTBs: the Pi's firmware-filled memory node, the
	# i.MX8MQ whose root interrupt parent is not the GIC
	local dtbs
	dtbs=$(ls -d "$top"/.cache/arm64/root/usr/lib/linux-image-*-arm64 | head -n1)
	expect 1 '/memory@0: no RAM \(size 0: the firmware fills it' "$o" \
		"$warden" config create --dtb "$dtbs/broadcom/bcm2711-rpi-4-b.dtb" \
		-o "$o"
	expect 1 'gpc@303a0000: interrupt controller "fsl,imx8mq-gpc" is not a GIC' \
		"$o" "$warden" config create \
		--dtb "$dtbs/freescale/imx8mq-evk.dtb" -o "$o"
}

# The shipped board configs are what generate.sh makes from the DTBs of
# Debian's kernel package, and pass the checker with their RTOS cells.
boards() {
	local b s=$tmp/boards-sys c=$tmp/boards-cell
	mkdir -p "$s" "$c"
	if ! bash "$top/configs/arm64/boards/generate.sh" "$warden" "$s" "$c"; then
		bad "configs/arm64/boards/generate.sh (make setup fetched the DTBs?)"
		return
	fi
	for b in rpi4-b zcu102 imx8mm-evk; do
		blob "$top/configs/arm64/boards/$b.c" "$tmp/$b.cell" &&
			blob "$s/$b.c" "$tmp/$b-new.cell" &&
			blob "$top/cells/arm64/boards/$b-rtos.c" "$tmp/$b-rtos.cell" &&
			blob "$c/$b-rtos.c" "$tmp/$b-rtos-new.cell" || {
			bad "$b: does not compile"
			continue
		}
		cmp -s "$tmp/$b.cell" "$tmp/$b-new.cell" &&
			cmp -s "$tmp/$b-rtos.cell" "$tmp/$b-rtos-new.cell" &&
			ok "$b: shipped configs are generate.sh's" ||
			bad "$b: shipped configs differ from generate.sh's"
		expect 0 '^ok$' - "$warden" config check "$tmp/$b.cell" \
			"$tmp/$b-rtos.cell"
	done
}

round_trip 2
round_trip 3
cell_form
bad_input
boards
echo "config create: $pass passed, $fail failed"
[ "$fail" = 0 ]
