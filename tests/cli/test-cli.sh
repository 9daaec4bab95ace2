#!/usr/bin/env bash
# Host tests of the `warden` CLI: version, help, `config check` on the
# shipped blobs and on broken copies of them, and the device-facing
# commands against stand-in files (the WARDEN_* path overrides).
# usage: test-cli.sh WARDEN_BINARY BLOB_DIR
set -u
warden=$1
blobs=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# expect RC PATTERN CMD...: CMD exits with RC and its stdout+stderr
# matches the extended regex PATTERN.
expect() {
	local rc=$1 pattern=$2 out got
	shift 2
	out=$("$@" 2>&1)
	got=$?
	if [ "$got" = "$rc" ] && grep -Eq -- "$pattern" <<<"$out"; then
		pass=$((pass + 1))
		echo "PASS: $*"
	else
		fail=$((fail + 1))
		echo "FAIL: $* (exit $got, wanted $rc and /$pattern/)"
		sed 's/^/    /' <<<"$out"
	fi
}

# Writes a copy of $1 to $2 with bytes at offset $3 replaced by $4 (hex).
patch() {
	cp "$1" "$2"
	printf "$(sed 's/\(..\)/\\x\1/g' <<<"$4")" |
		dd of="$2" bs=1 seek="$3" conv=notrunc status=none
}

v3=$blobs/qemu-virt-gicv3.cell
v2=$blobs/qemu-virt-gicv2.cell
smmu=$blobs/qemu-virt-smmu.cell
demo=$blobs/demo.cell

# Version and help
expect 0 '^warden 0\.1$' "$warden" --version
expect 0 'config check \[--no-admission\] SYSTEM.cell' "$warden" --help
expect 0 'usage: warden cell load NAME IMAGE \[-a ADDR\]' \
	"$warden" cell load --help
expect 0 'ADDR is a 4 KiB-aligned guest-physical address' \
	"$warden" cell load --help
expect 0 'Exit status: 0 valid' "$warden" config check --help
expect 2 'usage: warden COMMAND' "$warden"
expect 2 "'frob' is not a command of 'warden cell'" "$warden" cell frob
expect 2 'usage: warden config check \[--no-admission\] SYSTEM.cell' \
	"$warden" config check

# The shipped configs pass, alone and together
for sys in "$blobs"/qemu-virt-*.cell; do
	expect 0 '^ok$' "$warden" config check "$sys"
	for cell in "$blobs"/*.cell; do
		case $cell in
		*/qemu-virt-* | */rtos-overload.cell | */freertos-overload.cell | \
			*/shm-nolink.cell) continue ;;
		*-direct.cell) # direct IRQ delivery: GICv3 only
			[ "$sys" = "$v3" ] || continue ;;
		*/linux.cell) # virtio-mmio DMA: no stream on the SMMU machine
			[ "$sys" != "$smmu" ] || continue ;;
		esac
		expect 0 '^ok$' "$warden" config check "$sys" "$cell"
	done
done
expect 1 "cell 'linux': devices\[0\]: DMA device with no stream: the platform has an SMMU" \
	"$warden" config check "$smmu" "$blobs/linux.cell"
expect 0 "no SMMU: the root's devices can DMA to all memory" \
	"$warden" config check "$v3"
expect 0 "cell 'linux': device 'virtio-mmio' does DMA unconfined" \
	"$warden" config check "$v3" "$blobs/linux.cell"
expect 0 "cell 'dma': 1 DMA stream\\(s\\), confined to its memory" \
	"$warden" config check "$smmu" "$blobs/smmu-dma.cell"
expect 0 'cells are checked alone' "$warden" config check "$demo"
expect 1 "cell 'demo': flags: direct IRQ delivery needs GICv3, the platform has GICv2" \
	"$warden" config check "$v2" "$blobs/demo-direct.cell"

# Shared-memory links: link 1's memory only for cells declaring link 1
expect 0 '^ok$' "$warden" config check "$v3" "$blobs/echo.cell" \
	"$blobs/shm-intruder.cell"
expect 1 "mem\[2\]: shares link 1's memory with cell 'root', but the two do not declare that link" \
	"$warden" config check "$v2" "$blobs/shm-nolink.cell"
# echo.cell: header 16, cell 88, 3 regions of 32: links[0] at 200 (id,
# mem_index, doorbell_irq, flags), irqs[0] at 216. Little-endian u32s.
patch "$blobs/echo.cell" "$tmp/echo-db.cell" 216 e0000000e0000000
expect 1 "link 1: doorbell INTID 224 is also cell 'root''s" \
	"$warden" config check "$v3" "$tmp/echo-db.cell"
patch "$blobs/echo.cell" "$tmp/echo-id.cell" 208 02000000
expect 1 "shares link 1's memory with cell 'root', but the two do not" \
	"$warden" config check "$v3" "$tmp/echo-id.cell"
patch "$blobs/echo.cell" "$tmp/echo-mem.cell" 212 00000000
expect 1 "links\[0\]: mem\[0\] must be SHARED RAM" \
	"$warden" config check "$v3" "$tmp/echo-mem.cell"
patch "$blobs/echo.cell" "$tmp/echo-irq.cell" 224 e2000000
expect 1 "doorbell INTID 225 is not in the cell's irqs" \
	"$warden" config check "$tmp/echo-irq.cell"

# Admission control: a cell's real-time task set must be schedulable
expect 0 "rtos.cell: cell 'rtos': rt_taskset: admitted \(EDF" \
	"$warden" config check "$v3" "$blobs/rtos.cell"
expect 1 "rt_taskset: not schedulable under EDF: utilisation 1.100 > 1" \
	"$warden" config check "$v3" "$blobs/rtos-overload.cell"
expect 0 "admitted anyway: --no-admission" \
	"$warden" config check --no-admission "$v3" "$blobs/rtos-overload.cell"
# rtos.cell's task set starts after header, cell and 2 regions (16+88+64):
# a wrong magic there is a format error Warden itself refuses
patch "$blobs/rtos.cell" "$tmp/rt-magic.cell" 176 00000000
expect 1 "rt_taskset: bad magic or revision" \
	"$warden" config check "$v3" "$tmp/rt-magic.cell"

# A cell's RAM seen at a GIC window: demo's entry (offset 80) and
# mem[0].virt_start (112) moved onto the distributor, the GICv3
# redistributors, the GICv2 CPU interface
gic_cell() { # NAME ADDR (little-endian hex u64)
	patch "$demo" "$tmp/$1.cell" 80 "$2"
	patch "$tmp/$1.cell" "$tmp/$1-b.cell" 120 "$2"
}
gic_cell gicd 0000000800000000
for sys in "$v3" "$v2"; do
	expect 1 "cell 'demo': mem\[0\]: guest-physical 0x8000000 \(size 0x1000000\) overlaps the GIC distributor at 0x8000000" \
		"$warden" config check "$sys" "$tmp/gicd-b.cell"
done
gic_cell gicr 00000a0800000000
expect 1 "mem\[0\]: guest-physical 0x80a0000 .* overlaps the GIC redistributors at 0x80a0000" \
	"$warden" config check "$v3" "$tmp/gicr-b.cell"
expect 0 '^ok$' "$warden" config check "$v2" "$tmp/gicr-b.cell"
gic_cell gicc 0000010800000000
expect 1 "mem\[0\]: guest-physical 0x8010000 .* overlaps the GIC CPU interface at 0x8010000" \
	"$warden" config check "$v2" "$tmp/gicc-b.cell"

# A blob of revision 3 (header offset 4, u16) is refused before anything
# else is read; so is a blob of an unknown arch (header.arch, offset 12).
# An x86 cell is checked by the x86 rules, and only with an x86 system.
patch "$v3" "$tmp/rev3.cell" 4 0300
expect 1 "rev3.cell: revision: config revision 3, this Warden reads 6: rebuild the config" \
	"$warden" config check "$tmp/rev3.cell"
patch "$demo" "$tmp/arch3.cell" 12 03000000
expect 1 "arch3.cell: arch: 3 is not a known arch" \
	"$warden" config check "$tmp/arch3.cell"
patch "$demo" "$tmp/x86.cell" 12 02000000
expect 0 '^ok$' "$warden" config check "$tmp/x86.cell"
expect 1 "x86.cell: arch: a cell for x86, the system is arm64" \
	"$warden" config check "$v3" "$tmp/x86.cell"
q35=$blobs/../x86/qemu-q35.cell
if [ -e "$q35" ]; then
	expect 0 '^ok$' "$warden" config check "$q35"
	expect 1 "x86.cell: cell 'demo': mem\[0\]: RAM 0x77000000 .* outside the board's RAM" \
		"$warden" config check "$q35" "$tmp/x86.cell"
fi

# Broken blobs: violations (exit 1) with the file, cell, field and reason
head -c 100 "$v3" >"$tmp/truncated.cell"
expect 1 "truncated.cell: header: truncated: 100 bytes" \
	"$warden" config check "$tmp/truncated.cell"
head -c 900 "$v3" >"$tmp/short-arrays.cell"
expect 1 "short-arrays.cell: cell 'root': total_size: truncated" \
	"$warden" config check "$tmp/short-arrays.cell"
patch "$v3" "$tmp/magic.cell" 0 58
expect 1 'magic.cell: magic: 0x4e445258 is not 0x4e445257' \
	"$warden" config check "$tmp/magic.cell" "$demo"
: >"$tmp/empty.cell"
expect 1 'empty.cell: header: truncated: 0 bytes' \
	"$warden" config check "$tmp/empty.cell"
expect 1 'kind: 1, expected 2 \(a cell config\)' \
	"$warden" config check "$v3" "$v3"
expect 1 'gicv3.cell: kind: 1, expected 2' "$warden" config check "$demo" "$v3"
# demo's cpu_set (header 16 + name 32 + flags and counts 16) -> CPU 9
patch "$demo" "$tmp/cpu9.cell" 64 0002000000000000
expect 1 "cpu9.cell: cell 'demo': cpu_set\[9\]: CPU 9 does not exist" \
	"$warden" config check "$v2" "$tmp/cpu9.cell"
expect 1 "cell 'demo': name: another cell is called 'demo'" \
	"$warden" config check "$v3" "$demo" "$demo"
expect 1 "CPUs 0x8 also belong to cell 'demo'" \
	"$warden" config check "$v3" "$demo" "$demo"
expect 1 '^4 violation\(s\)$' "$warden" config check "$v3" "$demo" "$demo"
# a broken cell does not hide the others' findings
expect 1 'magic.cell: magic:' \
	"$warden" config check "$v3" "$tmp/magic.cell" "$demo"

# Unreadable input: exit 2, and every unreadable file is named
expect 2 'missing.cell: No such file or directory' \
	"$warden" config check "$v3" "$tmp/missing.cell"
expect 2 "$tmp: Is a directory" "$warden" config check "$tmp"
head -c 1048577 /dev/zero >"$tmp/huge.cell"
expect 2 'huge.cell: larger than 1048576 bytes' \
	"$warden" config check "$tmp/huge.cell"

# Driver commands against stand-ins for /dev/warden and friends
export WARDEN_DEVICE=$tmp/no-device
expect 1 'enable failed: cannot open .*no-device: No such file or directory \(is warden.ko loaded\?\)' \
	"$warden" enable "$v3"
expect 1 'not enabling' "$warden" enable "$tmp/magic.cell"
expect 2 'missing.cell: No such file' "$warden" enable "$tmp/missing.cell"
: >"$tmp/device"
export WARDEN_DEVICE=$tmp/device
expect 1 'enable failed: Inappropriate ioctl for device' \
	"$warden" enable "$v3"
expect 1 'disable failed: Inappropriate ioctl' "$warden" disable
expect 1 'cell create failed: Inappropriate ioctl' \
	"$warden" cell create "$demo"
expect 1 'magic.cell: magic: 0x4e445258' "$warden" cell create "$tmp/magic.cell"
expect 1 'magic.cell: 1 violation\(s\): not creating' \
	"$warden" cell create "$tmp/magic.cell"
expect 1 'cell start failed: Inappropriate ioctl' "$warden" cell start demo
expect 1 'cell load failed: Inappropriate ioctl' \
	"$warden" cell load demo "$demo" -a 0x40000000
expect 2 "'0x4zz' is not an address" \
	"$warden" cell load demo "$demo" -a 0x4zz
expect 2 'usage: warden cell load' "$warden" cell load demo
expect 2 'must have 1..31 characters' \
	"$warden" cell destroy abcdefghijklmnopqrstuvwxyz0123456
expect 2 'usage: warden cell shutdown NAME' "$warden" cell shutdown
expect 2 'usage: warden disable' "$warden" disable now

printf 'hello from the console\n' >"$tmp/console"
export WARDEN_CONSOLE=$tmp/console
expect 0 '^hello from the console$' "$warden" console
(sleep 0.3 && echo "more output" >>"$tmp/console") &
expect 124 'more output' timeout 1 "$warden" console -f
wait
expect 2 'usage: warden console \[-f\]' "$warden" console -x
export WARDEN_CONSOLE=$tmp/none
expect 1 'console: cannot open .*none: No such file' "$warden" console

printf 'demo created\n' >"$tmp/cells"
WARDEN_CELLS=$tmp/cells expect 0 '^demo created$' "$warden" cell list
WARDEN_CELLS=$tmp/none expect 1 'cell list failed: cannot read' \
	"$warden" cell list

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
