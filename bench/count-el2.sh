#!/usr/bin/env bash
# EL2 instructions per trapped IRQ and per doorbell hypercall, counted
# from a QEMU instruction trace (Documentation/hypervisor.md, "Cost"),
# with the gates of issue 17: 32 per trapped IRQ, 120 per doorbell.
#   bench/count-el2.sh [--gic 2|3|both] [--keep DIR]
# Boots scenario count-el2 (QEMU virt, 4 CPUs, one TCG thread). When the
# guest opens its window the QEMU monitor turns on `singlestep` and
# `log nochain,exec,int` with -dfilter on Warden's range, so the log has
# one "Trace" line per EL2 instruction and one line per exception entry
# and return; bench/count-el2.py (the one counter, also make bench's)
# counts each exit. The mode (most frequent count) of each class is the
# common case (timer PPIs, SPIs):
#   trapped_irq_gicv3 N   the root's (CPU 0, 1) IRQs, GICv3
#   trapped_irq_cell_gicv3 N   the trapping cell's (CPU 2, 1 kHz timer)
#   doorbell_gicv3 N      the echo cell's (CPU 3) doorbell ring hypercall
# and the same for gicv2. Exit status 0 when every figure was found and
# within its gate (COUNT_EL2_MAX_IRQ, COUNT_EL2_MAX_DOORBELL override).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
gics="3 2" keep=
while [ $# -gt 0 ]; do
	case $1 in
	--gic) gics=$2; [ "$gics" = both ] && gics="3 2"; shift ;;
	--keep) keep=$2; shift ;;
	*) echo "count-el2: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
# Warden's image: QEMU_VIRT_HV_BASE (configs/arm64/qemu-virt-board.h),
# text and data well inside the first 1 MiB.
HV_RANGE=${HV_RANGE:-0x7f000000+0x100000}
work=$(mktemp -d /tmp/count-el2.XXXXXX)
trap 'rm -rf "$work"' EXIT
bash "$top/ci/mkinitrd.sh" >/dev/null

hmp() { python3 "$top/ci/hmp.py" "$work/mon" "$@" >/dev/null; }

# wait_line LOG PATTERN PID: until PATTERN is in LOG; 1 if QEMU ended.
wait_line() {
	while ! grep -q "$2" "$1" 2>/dev/null; do
		kill -0 "$3" 2>/dev/null || return 1
		sleep 0.2
	done
}

# The EL2 exits counted by bench/count-el2.py, per CPU: the root's IRQs
# (CPUs 0, 1), the trapping cell's (CPU 2), the echo cell's doorbells (3).
classes=(irq_root=exc:IRQ@0,1 irq_cell=exc:IRQ@2
	doorbell=sym:ivshmem_doorbell@3)
# The gates: issue 17's goals (32 and 120 EL2 instructions).
max_irq=${COUNT_EL2_MAX_IRQ:-32}
max_doorbell=${COUNT_EL2_MAX_DOORBELL:-120}

# mode CLASS < count-el2.py's CSV: that class's most frequent count
mode() { awk -F, -v c="$1" '$1 == c { print $4 }'; }

# gate NAME VALUE MAX: a figure missing or above its goal fails the run
gate() {
	if [ -z "$2" ] || [ "$2" -gt "$3" ]; then
		echo "count-el2: $1 is '${2:-none}' EL2 instructions, goal <= $3" >&2
		rc=1
	fi
}

rc=0
for g in $gics; do
	log=$work/console-$g.log trace=$work/trace-$g.log
	rm -f "$work/mon"
	bash "$top/ci/run-qemu.sh" --gic "$g" --scenario count-el2 \
		--timeout 900 --log "$log" --monitor "$work/mon" \
		--qemu-opt -accel --qemu-opt tcg,thread=single \
		--qemu-opt -dfilter --qemu-opt "$HV_RANGE" \
		--qemu-opt -D --qemu-opt "$trace" &
	qemu=$!
	if wait_line "$log" '^COUNT-EL2: window start' $qemu; then
		hmp "singlestep on" "log nochain,exec,int"
		wait_line "$log" '^COUNT-EL2: window end' $qemu || true
		hmp "log none" "singlestep off"
	fi
	wait $qemu || true
	python3 "$top/bench/count-el2.py" --elf "$top/out/arm64/hv/warden.elf" \
		--base "${HV_RANGE%%+*}" "$trace" "${classes[@]}" \
		>"$work/exits-$g" || rc=1
	root=$(mode irq_root <"$work/exits-$g")
	cell=$(mode irq_cell <"$work/exits-$g")
	bell=$(mode doorbell <"$work/exits-$g")
	echo "trapped_irq_gicv$g ${root:-?}"
	echo "trapped_irq_cell_gicv$g ${cell:-?}"
	echo "doorbell_gicv$g ${bell:-?}"
	gate "trapped_irq_gicv$g" "$root" "$max_irq"
	gate "trapped_irq_cell_gicv$g" "$cell" "$max_irq"
	gate "doorbell_gicv$g" "$bell" "$max_doorbell"
	grep -q 'SCENARIO DONE pass=[1-9][0-9]* fail=0' "$log" || {
		echo "count-el2: scenario failed on GICv$g, see $log" >&2
		rc=1
	}
	if [ -n "$keep" ]; then
		mkdir -p "$keep"
		cp "$log" "$trace" "$work/exits-$g" "$keep/"
	fi
done
exit $rc
