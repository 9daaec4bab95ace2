#!/usr/bin/env python3
"""docs/bench/latency-linux-cell.md and .csv (bench/lcell.sh): the
latency inmate beside a loaded Linux cell, (e) and (e'), next to the same
run's (b), (c), (d), (d') when bench/run.sh measured them. Reads
out/bench/logs: CASE-gicvN.lat (the inmate's report), .stats (`warden
cell stats demo`), .load (the Linux cell's busy share, before and after),
.skip (why a case was not measured)."""
import argparse
import csv
import os

CASES = [
    ("b", "(b) trapping cell, root idle"),
    ("c", "(c) trapping cell, wd-busy on root CPUs 0-2"),
    ("e", "(e) trapping cell, root idle, Linux cell: wd-busy on CPUs 1-2"),
    ("d", "(d) direct-IRQ cell, root idle"),
    ("d1", "(d') direct-IRQ cell, wd-busy on root CPUs 0-2"),
    ("e1", "(e') direct-IRQ cell, root idle, Linux cell: wd-busy on CPUs 1-2"),
]
COLS = ("n", "min", "mode", "mean", "p50", "p99", "p999", "max", "at_floor")


def fields(words):
    return dict(w.split("=", 1) for w in words if "=" in w)


def read(logs, case, gic, ext):
    path = os.path.join(logs, "%s-gicv%s.%s" % (case, gic, ext))
    return open(path).read().strip() if os.path.exists(path) else None


def figures(text):
    """summary and tail fields of the inmate's report."""
    got = {}
    for line in text.splitlines():
        words = line.split()
        if len(words) > 2 and words[1] in ("summary", "tail"):
            got.update(fields(words[2:]))
    return {k: got[k] for k in COLS}


def irq_exits(stats):
    """The irq column of the cell's CPU in `warden cell stats`."""
    rows = [l.split() for l in (stats or "").splitlines() if l.strip()]
    if len(rows) < 2 or rows[0][0] != "CPU" or "irq" not in rows[0]:
        return "–"
    return rows[1][rows[0].index("irq")]


def published(summary, case, gic):
    """The case's row of latency-summary.csv (report.py) or None."""
    if not os.path.exists(summary):
        return None
    with open(summary) as f:
        for got in csv.DictReader(f):
            if (got.get("case"), got.get("gic")) == (case, gic):
                return got
    return None


def row(logs, case, label, gic, summary):
    lat = read(logs, case, gic, "lat")
    f = published(summary, case, gic) if lat is None and case[0] != "e" \
        else None
    if f and f["status"] != "measured":
        return None, "| %s | v%s | %s † |%s" % (label, gic, f["status"],
                                                 " – |" * 9)
    if f:
        floor = 100.0 * int(f["at_floor"]) / int(f["n"])
        cells = [f[k] for k in COLS[:-1]] + ["%.2f %%" % floor, "†"]
        f = {k: f[k] for k in COLS}
        f["status"] = "latency-summary.csv"
        return f, "| %s | v%s | %s |" % (label, gic, " | ".join(cells))
    if lat is None:
        why = read(logs, case, gic, "skip") or "not run"
        return None, "| %s | v%s | %s |%s" % (label, gic, why, " – |" * 9)
    f = figures(lat)
    f["status"] = "measured"
    floor = 100.0 * int(f["at_floor"]) / int(f["n"])
    cells = [f[k] for k in COLS[:-1]] + ["%.2f %%" % floor]
    cells.append(irq_exits(read(logs, case, gic, "stats")))
    return f, "| %s | v%s | %s |" % (label, gic, " | ".join(cells))


def load_lines(logs, gics):
    out = []
    for gic in gics:
        for case, label in CASES:
            load = read(logs, case, gic, "load")
            if load:
                out.append("- GICv%s %s: `wd-load` in the Linux cell before "
                           "and after: %s" % (gic, label.split()[0],
                                              "; ".join(load.splitlines())))
    return out


HEAD = """# Latency beside a loaded Linux cell (`make bench`, bench/lcell.sh)

The latency inmate (`inmates/demos/latency.c`, a timer deadline every
100 µs, `entry_ticks − deadline` per sample, in ticks of the 62.5 MHz
counter: 1 tick = 2 instructions under `-icount shift=3`) in the demo
cell on CPU 3, while a Linux cell (`cells/arm64/linux.c`, CPUs 1-2, the
root's own kernel) runs `wd-busy 4096` on both its CPUs, the load of
case (c). The root keeps CPU 0 and sleeps through the measurement. (e)
is the trapping `demo.cell`, (e') `demo-direct.cell` (GICv3 only).
One root boot per GIC (bench/lcell.sh); the rows (b)-(d') are the same
`make bench` run's (bench/run.sh) or the same boot's (`BENCH_LCELL_REF`),
(c) and (d') with the load on the root's CPUs 0-2 instead. `irq exits` is Warden's count for CPU 3 after the run (`warden
cell stats demo`): one per sample in a trapping cell, 0 with direct
delivery. Method and what QEMU cannot show: `latency.md`; the harness:
Documentation/bench.md.

| case | GIC | samples | min | mode | mean | p50 | p99 | p99.9 | max | at floor | irq exits |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--logs", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--gics", default="2 3")
    args = ap.parse_args()
    gics = args.gics.split()
    summary = os.path.join(args.out, "latency-summary.csv")
    md, rows = [HEAD.rstrip("\n")], ["case,gic,status," + ",".join(COLS)]
    for case, label in CASES:
        for gic in gics:
            f, line = row(args.logs, case, label, gic, summary)
            md.append(line)
            rows.append("%s,%s,%s" % (case, gic, f["status"] + "," + ",".join(
                f[k] for k in COLS) if f else "not measured" + "," * len(COLS)))
    md += ["", "† not in this run's logs (bench/lcell.sh run alone): the "
           "row of `latency-summary.csv`, the last `make bench` run, same "
           "method and image.", "",
           "The Linux cell's load (each CPU's busy share over 2 s, "
           "from its /proc/stat; the case is measured only if both are "
           "at least 90 % before the run):", ""]
    md += load_lines(args.logs, gics) or ["- no Linux-cell case measured"]
    with open(os.path.join(args.out, "latency-linux-cell.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    with open(os.path.join(args.out, "latency-linux-cell.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
