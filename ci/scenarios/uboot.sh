# Scenario uboot: Linux booted by U-Boot (ci/mkuboot.sh), which reserved
# Warden's memory in the DT with its fdt commands, as on a board; then
# enable, a cell's life, disable.
. /scenarios/lib.sh
SYS=$(wd_system_config)
RSV=/proc/device-tree/reserved-memory/warden@$(printf '%x' "$QEMU_VIRT_RESERVED_BASE")

check "U-Boot booted the kernel (/chosen/u-boot,version)" \
	test -e /proc/device-tree/chosen/u-boot,version
check "U-Boot's fdt commands reserved Warden's memory" test -e "$RSV/no-map"
check "Linux kept off it (no System RAM there)" \
	sh -c "! grep -qi '^ *$(printf '%x' "$QEMU_VIRT_RESERVED_BASE")-.*System RAM' /proc/iomem"
check "modprobe warden" modprobe warden
check "warden enable" warden enable "$SYS"
console_follow
check "create demo" warden cell create /etc/warden/cells/demo.cell
check "load hello" warden cell load demo /lib/warden/inmates/hello.bin
check "start demo" warden cell start demo
check "hello ticks" wait_console '^\[demo\] hello: tick 2'
check "destroy demo" warden cell destroy demo
check "warden disable" warden disable
finish
