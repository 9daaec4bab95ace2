#!/usr/bin/env bash
# make bench's RTOS rows: the tick latency a real RTOS's tick handler
# sees (inmates/lib/tick_latency.c), FreeRTOS (freertos-idle) and ChibiOS
# (chibios-idle, AArch32), by the method of bench/run.sh (-icount
# shift=3: a tick of the 62.5 MHz counter is 2 instructions):
#   (a)  bare metal, the other 3 CPUs off. FreeRTOS at EL1 as the latency
#        inmate runs; ChibiOS at EL1 AArch32 entered by a shim that
#        leaves an empty EL2 (bench/guest/a32-shim.S: QEMU loads no
#        32-bit ELF for an AArch64 CPU)
#   (b)  in a trapping cell, root Linux idle
#   (c)  the same, wd-busy on every root CPU
#   (d), (d') as (b), (c) in a direct-IRQ cell (GICv3)
# (b)-(d') are the manual scenario rtos-bench, one boot per GIC. Writes
# docs/bench/rtos-latency.md and .csv; logs in out/bench/rtos. An RTOS
# whose sources were not built is reported as not measured.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
gics=${BENCH_GICS:-2 3}
logs=$BENCH_TOP/out/bench/rtos
inm=$BENCH_TOP/out/arm64/inmates
mkdir -p "$logs"
rm -f "$logs"/*
rows=$logs/rows # RTOS CASE GICvN n=.. min=.. mode=.. p99=.. max=..
: >"$rows"
say() { echo "bench rtos: $*"; }

# bare RTOS GIC VIRT ELF: boots until the image's t=10s report, then stops
# the QEMU it started (the idle images never power off)
bare() {
	local log=$logs/$1-a-gicv$2.log n=0 pid line
	qemu-system-aarch64 -M "$(qemu_machine "$2" "$3")" -cpu "$QEMU_CPU" \
		-smp 4 -m "$QEMU_MEM" -nographic -no-reboot "${BENCH_ICOUNT[@]}" \
		-kernel "$4" </dev/null >"$log" 2>&1 &
	pid=$!
	while ! grep -aqs 't=10s tick latency' "$log" && [ $n -lt 1200 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	line=$(grep -a 't=10s tick latency' "$log" | tr -d '\r')
	echo "$1 a GICv$2 $(echo "$line" | sed -n 's/.*tick latency \(n=[^(]*\).*/\1/p')" |
		tee -a "$rows"
}

start=$(date +%s)
have=
for g in $gics; do
	if [ -e "$inm/freertos-idle-gicv$g.elf" ]; then
		bare freertos "$g" off "$inm/freertos-idle-gicv$g.elf"
		have="$have freertos"
	fi
	if [ -e "$BENCH_TOP/out/bench/chibios-idle-bare.elf" ]; then
		bare chibios "$g" on "$BENCH_TOP/out/bench/chibios-idle-bare.elf"
		have="$have chibios"
	fi
done
if [ -n "$have" ]; then
	say "the cells: scenario rtos-bench (both GICs)"
	"$BENCH_TOP/ci/run-e2e" rtos-bench >"$logs/e2e.txt" 2>&1 ||
		{ cat "$logs/e2e.txt"; say "rtos-bench failed: rows may be missing"; }
	for g in 2 3; do
		sed -n 's/^RTOSBENCH \([a-z]*\) \([a-z0-9]*\) gicv\([23]\) /\1 \2 GICv\3 /p' \
			"$BENCH_TOP/out/ci/logs/rtos-bench-gicv$g.log" 2>/dev/null |
			tr -d '\r' | tee -a "$rows"
	done
else
	say "no RTOS images (FREERTOS_DIR, CHIBIOS_DIR: inmates/*/README.md): not measured"
fi
say "took $(($(date +%s) - start)) s"
python3 "$BENCH_TOP/bench/rtos_report.py" "$rows" "$BENCH_TOP/docs/bench"
