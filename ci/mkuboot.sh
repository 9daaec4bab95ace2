#!/usr/bin/env bash
# The U-Boot boot path of the `uboot` scenario (Documentation/boards.md):
# Debian's u-boot-qemu (qemu_arm64, runs at EL2 on virt) in flash 0, an
# environment in flash 1 (made by mkenvimage) whose bootcmd sources the
# boot script QEMU's loader puts at U-Boot's scriptaddr. The script (made
# by mkimage) does what a board user's does: it adds Warden's no-map
# reservation and the root's link node (ci/mkdtb.sh's, from the board
# header) to the DT U-Boot got from the machine, and boots the stock
# kernel and initramfs (put in RAM by QEMU's loader) with booti.
# usage: ci/mkuboot.sh INITRD BOOTARGS OUT_DIR
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/ci/qemu-args.sh"
initrd=$1 bootargs=$2 out=$3
ub=${UBOOT_DIR:-/usr/lib/u-boot/qemu_arm64}
[ -e "$ub/u-boot.bin" ] || { echo "mkuboot: no $ub/u-boot.bin: apt-get install u-boot-qemu" >&2; exit 2; }
mkdir -p "$out"
# Where the loader puts things (U-Boot's own defaults for scriptaddr and
# kernel_addr_r; the rest below the cell pool, above the kernel)
export UB_SCRIPT=0x40200000 UB_KERNEL=0x40400000 UB_INITRD=0x48000000 UB_FDT=0x4f000000
rsv=$(printf '%#x' "$WD_RESERVED_START") rsv_size=$(printf '%#x' "$WD_RESERVED_SIZE")
shm=$(printf '%#x' "$QEMU_VIRT_LINK1_MEM") shm_size=$(printf '%#x' "$QEMU_VIRT_LINK_SIZE")
spi=$((QEMU_VIRT_DOORBELL_ROOT - 32))
cat >"$out/boot.cmd" <<CMD
echo warden-uboot: reserving the memory of Warden and its cells
fdt addr \${fdtcontroladdr}
fdt move \${fdtcontroladdr} $UB_FDT 0x100000
fdt addr $UB_FDT
fdt mknode / reserved-memory
fdt set /reserved-memory '#address-cells' <2>
fdt set /reserved-memory '#size-cells' <2>
fdt set /reserved-memory ranges
fdt mknode /reserved-memory warden@${rsv#0x}
fdt set /reserved-memory/warden@${rsv#0x} reg <0x0 $rsv 0x0 $rsv_size>
fdt set /reserved-memory/warden@${rsv#0x} no-map
fdt mknode / warden-shm@${shm#0x}
fdt set /warden-shm@${shm#0x} compatible warden,ivshmem
fdt set /warden-shm@${shm#0x} reg <0x0 $shm 0x0 $shm_size>
fdt set /warden-shm@${shm#0x} interrupts <0x0 $spi 0x1>
fdt set /warden-shm@${shm#0x} warden,link <0x1>
setenv fdt_high 0xffffffffffffffff
setenv initrd_high 0xffffffffffffffff
setenv bootargs "$bootargs"
booti $UB_KERNEL $UB_INITRD:$(printf '%#x' "$(stat -c %s "$initrd")") $UB_FDT
CMD
mkimage -A arm64 -T script -C none -d "$out/boot.cmd" "$out/boot.scr" >/dev/null
# U-Boot reads its environment from the start of flash 1 (64 MiB); if
# the script fails, reset ends QEMU (-no-reboot) rather than wait at the
# prompt for the runner's timeout
printf 'bootcmd=source %s; reset\nbootdelay=0\n' "$UB_SCRIPT" >"$out/env.txt"
mkenvimage -s 0x40000 -o "$out/env.bin" "$out/env.txt"
truncate -s 64M "$out/env.bin"
cp "$ub/u-boot.bin" "$out/bios.bin"
truncate -s 64M "$out/bios.bin"
