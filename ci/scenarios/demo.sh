# The `make demo` walk-through: each step is shown as a shell command and
# its output, and checked like any scenario.
. /scenarios/lib.sh
SYS=$(wd_system_config)
step() { # show a command, run it, check it succeeded
	echo
	echo "root@warden:~# $*"
	if "$@"; then pass "$*"; else fail "$* (exit $?)"; fi
}
echo
echo "### Root Linux is up: $(uname -r), $(nproc) CPUs"
step modprobe warden
step warden --version
step warden config check "$SYS" /etc/warden/cells/demo.cell
echo
echo "### Lift the running Linux into the root cell"
step warden enable "$SYS"
step warden console
step grep -E "arch_timer|IPI0" /proc/interrupts
echo
echo "### A cell running an inmate beside Linux"
step nproc
step warden cell create /etc/warden/cells/demo.cell
step nproc
step warden cell load demo /lib/warden/inmates/hello.bin
step warden cell start demo
step sleep 3
step warden cell list
step warden cell stats demo
step warden console
step warden cell shutdown demo
step warden cell destroy demo
step nproc
echo
# A real RTOS when the build had its sources (FreeRTOS, the port for this
# GIC), else our own (inmates/rtos): the same task-set table either way
case $SYS in *gicv3*) FRT_IMAGE=freertos-demo-gicv3 ;; *) FRT_IMAGE=freertos-demo-gicv2 ;; esac
if [ -e /lib/warden/inmates/$FRT_IMAGE.bin ]; then
	RT_NAME=freertos RT_CELL=freertos-demo RT_IMAGE=$FRT_IMAGE
	echo "### A real-time cell beside a loaded root: FreeRTOS runs its config's task set"
else
	RT_NAME=rtos RT_CELL=rtos RT_IMAGE=rtos
	echo "### A real-time cell beside a loaded root: the RTOS runs its config's task set"
	echo "(no FreeRTOS image: built without FREERTOS_DIR, see inmates/freertos/README.md;"
	echo " showing Warden's own demo RTOS, inmates/rtos, instead)"
fi
step warden config check "$SYS" /etc/warden/cells/$RT_CELL.cell
step warden cell create /etc/warden/cells/$RT_CELL.cell
step warden cell load $RT_NAME /lib/warden/inmates/$RT_IMAGE.bin
cpus=
for cpu in $(seq 0 $(($(nproc --all) - 1))); do
	[ "$(cat /sys/devices/system/cpu/cpu$cpu/online 2>/dev/null || echo 1)" = 1 ] &&
		cpus="$cpus $cpu"
done
echo
echo "root@warden:~# for cpu in$cpus; do taskset -c \$cpu wd-busy 4096 & done"
loads=
for cpu in $cpus; do
	taskset -c "$cpu" wd-busy 4096 &
	loads="$loads $!"
done
step warden cell start $RT_NAME
step sleep 5
step warden cell stats $RT_NAME
kill $loads 2>/dev/null
wait $loads 2>/dev/null
echo
echo "root@warden:~# warden console | grep $RT_NAME | tail -n 7"
warden console | grep $RT_NAME | tail -n 7
# not shown: what the steps above must have shown
check "the root read $RT_NAME's per-task table" \
	sh -c "warden cell stats $RT_NAME | grep -qE '^rt: total released [1-9]'"
[ -e /lib/warden/inmates/$FRT_IMAGE.bin ] &&
	check "with its image there, the reports are FreeRTOS's" \
	sh -c "warden console | grep -q '^\[freertos\] freertos-demo: t=[0-9]*s total'"
step warden cell destroy $RT_NAME
echo
echo "### Give the machine back to Linux"
step warden disable
step rmmod warden
finish
