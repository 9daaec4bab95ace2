#!/usr/bin/env bash
# make bench's x86 rows: the latency inmate (inmates/demos/latency.c, the
# x86 build out/x86/inmates/latency.bin) on QEMU q35 (ci/qemu-x86-args.sh:
# -cpu max, 4 CPUs, 1 GiB), in virtual time (-icount shift=3,sleep=off,
# one TCG thread: the TSC then counts virtual nanoseconds, 8 per
# instruction). Writes docs/bench/latency-x86.md (bench/x86_report.py);
# logs in out/bench/logs/x86-*.
#   (a)  bare metal (multiboot -kernel), the other 3 CPUs waiting for SIPI
#   (b)  in an x86 cell, root Linux idle      } measured when out/bench/
#   (c)  in an x86 cell, root Linux loaded    } logs/x86-{b,c}.lat exist
# The cell cases need x86 cells (issue 23, the x86cell branch): until a
# harness writes x86-b.lat / x86-c.lat (the inmate's LAT lines, as
# bench/run.sh's linux_case does for arm64) and x86-b.stats (`warden cell
# stats`), their rows say "not measured".
# Run by bench/run.sh; alone: bash bench/x86.sh. BENCH_SAMPLES (10000).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
. "$BENCH_TOP/ci/qemu-x86-args.sh"
samples=${BENCH_SAMPLES:-10000}
logs=$BENCH_TOP/out/bench/logs
docs=$BENCH_TOP/docs/bench
inmate=$BENCH_TOP/out/x86/inmates/latency.bin
say() { echo "bench: $*"; }
mkdir -p "$logs" "$docs"

# x86_bare BIN LOG: the inmate alone on the machine; it ends QEMU through
# isa-debug-exit when its report is out.
x86_bare() {
	timeout --foreground -k 5 "${BENCH_BARE_TIMEOUT:-300}" \
		qemu-system-x86_64 -M q35 -cpu "$QEMU_X86_CPU" \
		-smp "$QEMU_X86_SMP" -m "$QEMU_X86_MEM" -nographic -no-reboot \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		"${BENCH_ICOUNT[@]}" -kernel "$1" </dev/null 2>&1 |
		tr -d '\r' >"$2"
}

# keep CASE: the report in x86-CASE.lat is sane, or set aside with why.
keep() {
	local lat=$logs/x86-$1.lat why
	if why=$(bench_check_report "$lat" "$samples"); then
		say "x86 ($1): $(bench_lat_lines "$lat" |
			sed -n 's/^LAT \(summary\|tail\) //p' | tr '\n' ' ')"
	else
		echo "run failed: $why" >"$logs/x86-$1.skip"
		mv "$lat" "$lat.bad"
		say "x86 ($1): FAILED: $why"
	fi
}

[ -e "$inmate" ] || { echo "bench: no $inmate (make)" >&2; exit 2; }
rm -f "$logs"/x86-a.*
say "x86 (a) bare metal, $samples samples"
bench_patch "$inmate" "$logs/x86-latency-a.bin" samples="$samples" \
	busy_cpus=0 flags=0 || exit 2
x86_bare "$logs/x86-latency-a.bin" "$logs/x86-bare-a.log"
bench_lat_lines "$logs/x86-bare-a.log" >"$logs/x86-a.lat"
keep a
for c in b c; do
	[ -e "$logs/x86-$c.lat" ] && continue
	echo "not measured: x86 cells are not in this tree yet (issue 23)" \
		>"$logs/x86-$c.skip"
done
python3 "$BENCH_TOP/bench/x86_report.py" --logs "$logs" --out "$docs" \
	--samples "$samples"
