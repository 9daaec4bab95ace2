#!/usr/bin/env bash
# The board configs of Documentation/boards.md, made by `warden config
# create` from the DTBs of Debian's arm64 kernel package (make setup puts
# it in .cache/arm64): a system config per board in configs/arm64/boards/
# and one RTOS cell per board in cells/arm64/boards/. Every choice the DT
# cannot make (RAM the firmware fills in, Warden's memory, the console)
# is an option here, explained in Documentation/boards.md.
# usage: generate.sh WARDEN SYS_DIR CELL_DIR
# (tests/cli/test-config-create.sh regenerates into a temporary directory
# and compares; to update the shipped files:
#  configs/arm64/boards/generate.sh out/host/warden configs/arm64/boards \
#	cells/arm64/boards)
set -euo pipefail
top=$(cd "$(dirname "$0")/../../.." && pwd)
warden=$1 sys_dir=$2 cell_dir=$3
dtbs=$(ls -d "$top"/.cache/arm64/root/usr/lib/linux-image-*-arm64 | head -n1)
cd "$top"
dtbs=${dtbs#"$top"/}

# blob C OUT: compile a config as configs/build.mk does
blob() {
	"${CROSS:-aarch64-linux-gnu-}gcc" -Iinclude -O0 -c "$1" -o "$2.o"
	"${CROSS:-aarch64-linux-gnu-}objcopy" -O binary \
		--only-section=.wdconfig "$2.o" "$2"
	rm -f "$2.o"
}

# board NAME DTB CELL_DEVICE OPTIONS...: system config, then the RTOS cell
# (CELL_DEVICE "-": none). The system blob goes to a fixed name so that
# the cell's header comment is the same on every run.
# Paths are relative to the top of the tree (the script cds there).
board() {
	local name=$1 dtb=$dtbs/$2 dev=$3
	shift 3
	"$warden" config create --dtb "$dtb" "$@" -o "$sys_dir/$name.c"
	mkdir -p out/boards
	blob "$sys_dir/$name.c" "out/boards/$name.cell"
	"$warden" config create --cell rtos --cpus 1 --ram 16M --dtb "$dtb" \
		${dev:+$([ "$dev" != - ] && echo --device "$dev")} \
		"out/boards/$name.cell" -o "$cell_dir/$name-rtos.c"
	# the tree's style (make format-check); the blobs stay the same
	clang-format -i "$sys_dir/$name.c" "$cell_dir/$name-rtos.c"
}

# Raspberry Pi 4 B, 4 GiB: the firmware fills memory@0 (gpu_mem=76).
# No cell device: uart2-5 share the 4 KiB page of uart0, Warden's console.
board rpi4-b broadcom/bcm2711-rpi-4-b.dtb - \
	--ram 0,0x3b400000 --ram 0x40000000,0xbc000000 \
	--mem-reserve 0xf4000000,0x8000000 --console /soc/serial@7e201000
# Xilinx ZCU102: Cadence UARTs only, so no console for Warden
board zcu102 xilinx/zynqmp-zcu102-rev1.0.dtb /axi/serial@ff010000 \
	--mem-reserve 0x60000000,0x10000000 --console none
# NXP i.MX8M Mini EVK: i.MX UARTs only; OP-TEE sits at 0xbe000000
board imx8mm-evk freescale/imx8mm-evk.dtb \
	/soc@0/bus@30800000/spba-bus@30800000/serial@30880000 \
	--mem-reserve 0xa0000000,0x10000000 --console none
