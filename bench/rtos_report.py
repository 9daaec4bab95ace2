#!/usr/bin/env python3
"""bench/rtos.sh's rows -> docs/bench/rtos-latency.md and .csv: the tick
latency FreeRTOS's and ChibiOS's tick handlers see, bare metal and in
Warden cells, in counter ticks (2 instructions each under -icount
shift=3). Usage: rtos_report.py ROWS OUTDIR"""
import sys

CASES = [("a", "(a) bare metal"),
         ("b", "(b) trapping cell, root idle"),
         ("c", "(c) trapping cell, `wd-busy` on the root"),
         ("d", "(d) direct-IRQ cell, root idle"),
         ("d1", "(d') direct-IRQ cell, `wd-busy` on the root")]
RTOSES = [("freertos", "FreeRTOS 11.1.0 (AArch64, `freertos-idle`)"),
          ("chibios", "ChibiOS/RT 7.0 (AArch32, `chibios-idle`)")]
FIELDS = ["n", "min", "mode", "p99", "max"]
MIN_SAMPLES = 9000  # 10 s of a 1 kHz tick, less the catch-up ones


def load(path):
    """{(rtos, case, gic): {field: int}} of the rows with every field."""
    rows = {}
    for line in open(path):
        words = line.split()
        if len(words) < 3:
            continue
        vals = dict(w.split("=", 1) for w in words[3:] if "=" in w)
        if all(vals.get(f, "").isdigit() for f in FIELDS):
            rows[tuple(words[:3])] = {f: int(vals[f]) for f in FIELDS}
    return rows


def cell(rows, key):
    r = rows.get(key)
    if key[1].startswith("d") and key[2] == "GICv2":
        return "not offered"
    if r is None:
        return "not measured"
    if r["n"] < MIN_SAMPLES:
        return "failed: n=%d" % r["n"]
    return "{min:,} / {mode:,} / {p99:,} / {max:,}".format(**r)


def table(rows, rtos):
    out = ["| case | GICv2 min/mode/p99/max | GICv3 min/mode/p99/max |",
           "| --- | --- | --- |"]
    for case, label in CASES:
        out.append("| %s | %s | %s |" % (label, cell(rows, (rtos, case, "GICv2")),
                                         cell(rows, (rtos, case, "GICv3"))))
    added = []
    for gic in ("GICv2", "GICv3"):
        a, b = rows.get((rtos, "a", gic)), rows.get((rtos, "b", gic))
        if a and b:
            added.append("%s %+d" % (gic, b["mode"] - a["mode"]))
    if added:
        out.append("\nWarden's trap, mode of (b) minus (a): %s ticks." %
                   ", ".join(added))
    return out


def main():
    rows, outdir = load(sys.argv[1]), sys.argv[2]
    with open(outdir + "/rtos-latency.csv", "w") as f:
        f.write("rtos,case,gic," + ",".join(FIELDS) + "\n")
        for key in sorted(rows):
            f.write(",".join(key) + "," +
                    ",".join(str(rows[key][k]) for k in FIELDS) + "\n")
    md = ["# Tick latency of real RTOSes (`make bench`, `bench/rtos.sh`)", "",
          "Counter ticks (62.5 MHz; 2 instructions each under `-icount "
          "shift=3`) from the tick's deadline to the RTOS's tick handler "
          "(`inmates/lib/tick_latency.c`), 10 s of a 1 kHz tick per case. "
          "The method and the loads are `latency.md`'s; "
          "Documentation/bench.md, \"Real RTOS ticks\", says what each "
          "case runs.", ""]
    for rtos, title in RTOSES:
        md += ["## " + title, ""] + table(rows, rtos) + [""]
    with open(outdir + "/rtos-latency.md", "w") as f:
        f.write("\n".join(md))
    print("bench rtos: wrote %s/rtos-latency.md (%d rows)" % (outdir, len(rows)))


if __name__ == "__main__":
    main()
