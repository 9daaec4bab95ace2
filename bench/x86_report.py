#!/usr/bin/env python3
"""Writes docs/bench/latency-x86.md from bench/x86.sh's logs: the latency
inmate on x86 (QEMU q35) bare metal and in a Warden cell. Every figure
comes from the logs; the parsing and the figures are bench/report.py's.

Inputs in --logs, per case C (a, b, c):
  x86-C.lat    the inmate's "LAT ..." report (already checked)
  x86-C.stats  `warden cell stats` of the cell after a cell case
  x86-C.skip   one line: why the case was not measured
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402

CASES = [
    ("a", "(a)", "bare metal"),
    ("b", "(b)", "Warden cell, root idle"),
    ("c", "(c)", "Warden cell, root loaded"),
]
SHOWN = ("n", "min", "mode", "p50", "p99", "p999", "max", "missed")
# Under -icount shift=3 the TSC counts virtual ns: 8 per instruction.
NS_PER_INSN = 8


def load(logs, case):
    """(figures, exits or None, None) when measured, else (None, None, why)."""
    name = "x86-%s" % case
    path = os.path.join(logs, name + ".lat")
    if not os.path.exists(path):
        return None, None, report.read_skip(logs, name)
    rep = report.load_lat(path)
    exits = None
    stats = os.path.join(logs, name + ".stats")
    if os.path.exists(stats):
        lines = [l.split() for l in open(stats) if l.strip()]
        if len(lines) >= 2 and lines[0][0] == "CPU":
            exits = dict(zip(lines[0], lines[1]))
    return report.figures(rep), exits, None


def table(rows):
    md = ["| case | what | " + " | ".join(SHOWN) + " | exits |",
          "| --- | --- | " + " | ".join("---" for _ in SHOWN) + " | --- |"]
    for (case, label, what), (fig, exits, why) in rows:
        if fig is None:
            md.append("| %s | %s | %s |" % (label, what, why))
            continue
        ex = " ".join("%s=%s" % kv for kv in sorted(exits.items())
                      if kv[0] != "CPU") if exits else "-"
        md.append("| %s | %s | %s | %s |" % (
            label, what, " | ".join(str(fig[k]) for k in SHOWN), ex))
    return md


def write(path, rows, samples):
    rev, qemu = report.provenance()
    md = ["# Interrupt latency on x86-64: bare metal and in a Warden cell",
          "",
          "Written by `make bench` (`bench/x86.sh`, `bench/x86_report.py`) "
          "from tree `%s` with %s. Do not edit: run `make bench` (or "
          "`bash bench/x86.sh`)." % (rev, qemu), "",
          "The latency inmate (`inmates/demos/latency.c` with "
          "`inmates/demos/x86/latency_x86.c`): the local APIC timer "
          "(xAPIC, one-shot, divide 1) armed for TSC deadlines %s samples "
          "100 us apart; a sample is the TSC read by the IRQ stub's third "
          "instruction minus the deadline, in TSC ticks. QEMU 7.2 q35, "
          "`-cpu max`, 4 CPUs, 1 GiB, `-icount shift=3,sleep=off -accel "
          "tcg,thread=single`: the TSC counts virtual nanoseconds, %d per "
          "instruction, so a latency of N ticks is N/%d instructions."
          % (samples, NS_PER_INSN, NS_PER_INSN), ""]
    md += table(rows)
    md += ["", "Bare metal the floor is the instructions between the TSC "
           "read in `timer_arm` and the APIC's initial-count write, and "
           "from the HLT wake-up to the stub's `rdtsc`. In a cell the "
           "xAPIC page is trapped (the contract, `Documentation/x86.md`): "
           "the count write, the LVT write and the EOI are exits, so a "
           "cell's IRQ costs at least one exit (the EOI); the `exits` "
           "column is `warden cell stats` of the cell's CPU after the run."]
    with open(path, "w") as f:
        f.write("\n".join(md) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--logs", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--samples", type=int, default=10000)
    args = ap.parse_args()
    rows = [(c, load(args.logs, c[0])) for c in CASES]
    out = os.path.join(args.out, "latency-x86.md")
    write(out, rows, args.samples)
    print("bench: wrote %s" % out)
    return 0 if rows[0][1][0] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
