# Sourced by bench/run.sh and bench/smoke.sh: the QEMU command lines of the
# latency benchmark and the checks on the inmate's report.
#
# Every run is deterministic: -icount shift=3,sleep=off makes virtual time
# advance by 2^3 ns per executed instruction, and one TCG thread runs the
# vCPUs round-robin. The 62.5 MHz counter then ticks every 16 ns, i.e.
# every 2 instructions, and a latency in ticks is an instruction count.
BENCH_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$BENCH_TOP/ci/qemu-args.sh"
BENCH_ICOUNT=(-icount shift=3,sleep=off -accel tcg,thread=single)
BENCH_INMATE=$BENCH_TOP/out/arm64/inmates/latency.elf
# Where bench/mkinitrd.sh puts the bench image (bench/smoke.sh uses its
# own, so that it never replaces the image of a running `make bench`).
BENCH_OUT=${BENCH_OUT:-$BENCH_TOP/out/bench}

# bench_patch IN OUT KEY=VALUE...: a copy of the latency image with its
# parameters set (bench/patch-params.sh); the period is always 100 us.
bench_patch() {
	bash "$BENCH_TOP/bench/patch-params.sh" "$1" "$2" period_us=100 "${@:3}"
}

# bench_bare GIC ELF LOG: the inmate alone on the machine, started at EL1
# (virtualization=off) on CPU 0 of 4. It powers QEMU off when done.
bench_bare() {
	timeout --foreground -k 5 "${BENCH_BARE_TIMEOUT:-120}" \
		qemu-system-aarch64 -M "$(qemu_machine "$1" off)" \
		-cpu "$QEMU_CPU" -smp 4 -m "$QEMU_MEM" -nographic -no-reboot \
		"${BENCH_ICOUNT[@]}" -kernel "$2" </dev/null 2>&1 |
		tr -d '\r' >"$3"
}

# bench_lat_lines LOG: the inmate's report, one "LAT ..." line each.
bench_lat_lines() {
	grep -a '^LAT ' "$1"
}

# bench_field LOG KIND KEY: the value of KEY=... in the "LAT KIND" line.
bench_field() {
	bench_lat_lines "$1" | awk -v kind="$2" -v key="$3" '
		$2 == kind {
			for (i = 3; i <= NF; i++)
				if (index($i, key "=") == 1) {
					print substr($i, length(key) + 2)
					exit
				}
		}'
}

# bench_check_report LOG SAMPLES: prints why the report is not sane and
# fails, or succeeds silently. Sane: complete, the asked number of
# samples, none before its deadline, none lost, histogram adds up.
bench_check_report() {
	local log=$1 want=$2 n hist
	bench_lat_lines "$log" | grep -q '^LAT end' ||
		{ echo "no 'LAT end' (run incomplete)"; return 1; }
	n=$(bench_field "$log" summary n)
	[ "$n" = "$want" ] || { echo "n=$n, want $want"; return 1; }
	[ "$(bench_field "$log" run early)" = 0 ] ||
		{ echo "samples before their deadline"; return 1; }
	[ "$(bench_field "$log" run unexpected)" = 0 ] ||
		{ echo "unexpected IRQs"; return 1; }
	hist=$(bench_lat_lines "$log" | awk '$2 == "hist" { s += $5 } END { print s + 0 }')
	[ "$hist" = "$want" ] || { echo "histogram holds $hist samples"; return 1; }
}

# bench_linux GIC CASES LOG: boots root Linux on the bench image
# ($BENCH_OUT/initrd.gz, bench/mkinitrd.sh) with the e2e DT and runs bench/guest/bench.sh's
# CASES (comma-separated); the guest powers QEMU off when done.
# BENCH_INITRD and the array BENCH_QEMU_EXTRA override the image and add
# devices (bench/lcell.sh: the Linux cell's).
bench_linux() {
	local dtb=$BENCH_TOP/out/ci/virt-gicv$1-on.dtb
	[ -e "$dtb" ] || bash "$BENCH_TOP/ci/mkdtb.sh" "$1" on >/dev/null
	timeout --foreground -k 5 "${BENCH_LINUX_TIMEOUT:-600}" \
		qemu-system-aarch64 -M "$(qemu_machine "$1" on)" \
		-cpu "$QEMU_CPU" -smp 4 -m "$QEMU_MEM" -nographic -no-reboot \
		"${BENCH_ICOUNT[@]}" -kernel "$BENCH_TOP/.cache/arm64/Image" \
		-initrd "${BENCH_INITRD:-$BENCH_OUT/initrd.gz}" -dtb "$dtb" \
		${BENCH_QEMU_EXTRA[@]+"${BENCH_QEMU_EXTRA[@]}"} \
		-rtc clock=vm -append "console=ttyAMA0 nokaslr panic=-1 \
loglevel=4 kvm-arm.mode=none wd.scenario=bench wd.bench=$2 \
wd.cyclic=${BENCH_CYCLIC_SECONDS:-10}" </dev/null 2>&1 | tr -d '\r' >"$3"
}

# bench_case_lines LOG CASE: what the guest framed for CASE, unprefixed
bench_case_lines() {
	sed -n "s/^@$2 //p" "$1"
}
