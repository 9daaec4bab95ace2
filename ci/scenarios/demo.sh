# The `make demo` walk-through: each step is shown as a shell command and
# its output, and checked like any scenario.
. /scenarios/lib.sh
SYS=$(wd_system_config)
step() { # show a command, run it, check it succeeded
	echo; echo "root@warden:~# $*"
	if "$@"; then pass "$*"; else fail "$* (exit $?)"; fi
}
echo; echo "### Root Linux is up: $(uname -r), $(nproc) CPUs"
step modprobe warden
step warden --version
step warden config check "$SYS" /etc/warden/cells/demo.cell
step rmmod warden
finish
