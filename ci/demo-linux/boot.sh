# make demo-linux: Warden on, the stock kernel in cell 'linux' beside the
# root, a few commands in its shell (through the root's end of its
# console, Documentation/linux-cell.md), then off. /extra/boot.sh of the
# image ci/run-qemu.sh --linux-cell boots.
LNX=/lib/warden/linux
say() { echo "demo-linux\$ $*"; "$@"; }
port() {
	for n in /sys/class/virtio-ports/*/name; do
		[ "$(cat "$n" 2>/dev/null)" = cell ] && basename "$(dirname "$n")"
	done
}
say modprobe warden
say warden enable /etc/warden/qemu-virt-gicv3.cell
for m in $LNX/*.ko; do insmod $m; done
while [ -z "$(port)" ]; do sleep 0.1; done
exec 3<>/dev/$(port)
cat <&3 | sed 's/^/[cell linux] /' &
say warden cell linux /etc/warden/cells/linux.cell $LNX/Image \
	-i $LNX/initrd.gz -c "console=hvc0 panic=-1"
sleep 15
say warden cell list
for c in "uname -a" "nproc" "grep MemTotal /proc/meminfo" \
	"cat /mnt/hello.txt"; do
	echo "demo-linux: in the cell: $c"
	echo "$c" >&3
	sleep 2
done
echo "demo-linux: root: $(uname -r), $(nproc) CPUs"
say warden cell shutdown linux
say warden cell destroy linux
say warden disable
echo "demo-linux: done"
poweroff -f
