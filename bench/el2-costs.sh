#!/usr/bin/env bash
# make bench, part 2: what Warden costs at EL2 (issue 17), per GIC, into
# docs/bench/el2-costs.md and el2-costs.csv. One traced boot per GIC of
# the el2costs scenario (ci/scenarios/el2costs.sh) under -icount with
# ci/run-qemu.sh --trace: bench/count-el2.py counts the EL2 instructions
# of each exit in the trace; the driver's own figures give the enable
# time (virtual: under icount 8 ns an instruction, every vCPU's).
#   bench/el2-costs.sh     (BENCH_GICS: "2 3"; logs in out/bench/logs)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/ci/qemu-args.sh"
gics=${BENCH_GICS:-2 3}
logs=$top/out/bench/logs
docs=$top/docs/bench
elf=$top/out/arm64/hv/warden.elf
bin=$top/out/arm64/warden.bin
csv=$docs/el2-costs.csv
mkdir -p "$logs" "$docs"
bash "$top/ci/mkinitrd.sh" >/dev/null || exit 2

# The exits counted, as count-el2.py classes (NAME=exc:EXCEPTION or
# NAME=sym:FUNCTION that the exit ran).
classes=(irq=exc:IRQ doorbell=sym:ivshmem_doorbell
	console_line=sym:hc_console_write console_byte=sym:hc_console_putc)

# figure LOG NAME: the median of the guest's "EL2COST NAME VALUE" lines
figure() {
	sed -n "s/^EL2COST $2 \([0-9]*\).*/\1/p" "$1" | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# count GIC CLASS COLUMN: a column (mode, median, max, exits) of a class
count() {
	awk -F, -v c="$2" -v col="$3" 'NR == 1 { for (i = 1; i <= NF; i++)
		h[$i] = i } $1 == c { print $h[col] }' "$logs/el2costs-gicv$1.csv"
}

echo "metric,gic,value,unit,method" >"$csv"
row() { echo "$1,$2,$3,$4,$5" >>"$csv"; }
for g in $gics; do
	log=$logs/el2costs-gicv$g.log trace=$logs/el2costs-gicv$g.trace
	echo "el2-costs: GICv$g, traced boot (a few minutes)"
	bash "$top/ci/run-qemu.sh" --gic "$g" --scenario el2costs --icount \
		--timeout 1800 --trace "$trace" --log "$log"
	if ! grep -q "SCENARIO DONE pass=[1-9][0-9]* fail=0" "$log"; then
		echo "el2-costs: GICv$g: the scenario failed (log $log)" >&2
		exit 1
	fi
	python3 "$top/bench/count-el2.py" --elf "$elf" \
		--base "$QEMU_VIRT_HV_BASE" "$trace" "${classes[@]}" \
		>"$logs/el2costs-gicv$g.csv" || exit 1
	rm -f "$trace" # hundreds of MB, counted
	row irq_insns "$g" "$(count "$g" irq mode)" instructions \
		"mode over $(count "$g" irq exits) IRQ exits (max $(count "$g" irq max)) of an idle root and cells; trace count"
	row doorbell_insns "$g" "$(count "$g" doorbell median)" instructions \
		"median of $(count "$g" doorbell exits) WD_HC_DOORBELL exits (root and echo cell; warden-shm-ping -n 20); trace count"
	row console_line_insns "$g" "$(count "$g" console_line median)" \
		instructions "median of $(count "$g" console_line exits) WD_HC_CONSOLE_WRITE exits (conwrite's lines of 18 to 128 bytes); trace count"
	row console_byte_insns "$g" "$(count "$g" console_byte median)" \
		instructions "median of $(count "$g" console_byte exits) WD_HC_CONSOLE_PUTC exits (the compatibility call); trace count"
	row enable_us "$g" "$(figure "$log" enable_us)" "us virtual" \
		"median of 3 'warden enable' on 4 CPUs: the driver's whole call (ktime under -icount shift=3)"
	row enter_us "$g" "$(figure "$log" enter_us)" "us virtual" \
		"the part entering the CPUs (the driver's 'enabled on 4 CPUs in')"
	row hello_exits_3s "$g" "$(figure "$log" hello_exits_3s)" exits \
		"exits of an idle hello cell in 3 s (warden cell stats total; it prints a line a second: one exit a line; a byte a call it was 15.3 a second)"
done
row warden_bin_bytes - "$(stat -c %s "$bin")" bytes "size of out/arm64/warden.bin"

# The table: one row a metric, one column a GIC.
{
	echo "# What Warden costs at EL2"
	echo
	echo "Written by \`make bench\` (\`bench/el2-costs.sh\`) from one traced"
	echo "boot per GIC of \`ci/scenarios/el2costs.sh\` (QEMU virt, cortex-a57,"
	echo "4 CPUs, \`-icount shift=3,sleep=off\`, one TCG thread). Instruction"
	echo "counts: QEMU \`-singlestep -d nochain,exec,int -dfilter\` on the"
	echo "hypervisor's range logs each EL2 instruction; \`bench/count-el2.py\`"
	echo "counts them per exit, from the exception entry to the \`eret\`"
	echo "(inclusive). Goals are issue 17's. CSV: \`el2-costs.csv\`."
	echo
	echo "| metric | GICv3 | GICv2 | goal | method |"
	echo "| --- | --- | --- | --- | --- |"
	awk -F, 'NR > 1 { v[$1, $2] = $3; m[$1] = $5; u[$1] = $4
		if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
		END {
			goal["irq_insns"] = "<= 32"; goal["doorbell_insns"] = "<= 120"
			goal["console_line_insns"] = "one exit a line"
			goal["enable_us"] = "<= 5000"; goal["warden_bin_bytes"] = "<= 49152"
			for (i = 1; i <= n; i++) {
				k = order[i]
				g3 = ((k, 3) in v) ? v[k, 3] : (((k, "-") in v) ? v[k, "-"] : "")
				g2 = ((k, 2) in v) ? v[k, 2] : (((k, "-") in v) ? v[k, "-"] : "")
				printf "| %s (%s) | %s | %s | %s | %s |\n", k, u[k], g3, g2, goal[k], m[k]
			}
		}' "$csv"
} >"$docs/el2-costs.md"
echo "el2-costs: wrote $docs/el2-costs.md"
