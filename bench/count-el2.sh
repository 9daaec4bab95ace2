#!/usr/bin/env bash
# EL2 instructions per trapped IRQ and per doorbell hypercall, counted
# from a QEMU instruction trace (Documentation/hypervisor.md, "Cost").
#   bench/count-el2.sh [--gic 2|3|both] [--keep DIR]
# Boots scenario count-el2 (QEMU virt, 4 CPUs, one TCG thread). When the
# guest opens its window the QEMU monitor turns on `singlestep` and
# `log nochain,exec,int` with -dfilter on Warden's range, so the log has
# one "Trace" line per EL2 instruction (less those QEMU entered and left
# before running: "Stopped execution of TB chain") and one line per
# exception entry and return. Per CPU, the instructions from "Taking exception" (to EL2)
# to the next "Exception return" are one exit; the mode (most frequent
# count) of the IRQ exits is the common case (timer PPIs, SPIs):
#   trapped_irq_gicv3 N   the root's (CPU 0, 1) IRQs, GICv3
#   trapped_irq_cell_gicv3 N   the trapping cell's (CPU 2, 1 kHz timer)
#   doorbell_gicv3 N      the echo cell's (CPU 3) doorbell ring hypercall
# and the same for gicv2. Exit status 0 when every figure was found.
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

# The per-exit counts: "KIND CPU N" lines (KIND irq or hvc).
count_exits() {
	awk '
	/^Taking exception/ {
		kind = $3 == "5" ? "irq" : $3 == "11" ? "hvc" : "other"
		cpu = $NF; pending = 1; next
	}
	/^\.\.\.to EL2 PC/ && pending { open[cpu] = kind; n[cpu] = 0; pending = 0; last = cpu; next }
	/^\.\.\.to EL1 PC/ { pending = 0; next }
	/^Trace [0-9]+:/ {
		c = $2; sub(":", "", c); last = c
		if (c in open) n[c]++
		next
	}
	# A TB entered but left before its instruction ran: not executed.
	/^Stopped execution of TB chain/ { if (last in open) n[last]--; next }
	/^Exception return from AArch64 EL2/ {
		if (last in open) print open[last], last, n[last]
		delete open[last]
	}' "$1"
}

# mode KIND CPU-REGEX < exits: the most frequent count
mode() {
	awk -v k="$1" -v c="$2" '$1 == k && $2 ~ c { m[$3]++ }
		END { best = -1; for (v in m) if (m[v] > best) { best = m[v]; val = v }
		      if (best > 0) print val }'
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
	count_exits "$trace" >"$work/exits-$g"
	root=$(mode irq '^[01]$' <"$work/exits-$g")
	cell=$(mode irq '^2$' <"$work/exits-$g")
	bell=$(mode hvc '^3$' <"$work/exits-$g")
	echo "trapped_irq_gicv$g ${root:-?}"
	echo "trapped_irq_cell_gicv$g ${cell:-?}"
	echo "doorbell_gicv$g ${bell:-?}"
	[ -n "$root" ] && [ -n "$cell" ] && [ -n "$bell" ] || rc=1
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
