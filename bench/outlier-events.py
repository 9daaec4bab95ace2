#!/usr/bin/env python3
"""What the other vCPUs did while a latency sample waited.

Reads QEMU's exception log (`-d int -D FILE`) of a bench run in a cell on
CPU 3 and splits it at the cell's timer IRQs (one a sample): prints, for
the gaps between two of them with the most exceptions of other vCPUs,
what those were (CPU, exception, from which EL to which). With one TCG
thread those vCPUs ran while CPU 3's IRQ waited: an outlier with root
IRQ exits, trapped SGI writes ("Undefined Instruction" EL1->EL2: QEMU's
name for a trapped system register access) or root user space in its gap
was round-robin time spent on the root, not in Warden.

  bench/outlier-events.py LOG [EL [FIRST LAST]]
  bench/outlier-events.py LOG EL --samples I,J,...
EL: 1 for a direct-IRQ cell, whose IRQs do not trap, 2 for a trapping
one (default 1). Only IRQs taken in the cell count (ELR below
CELL_TOP, the cell's own addresses: root Linux runs at kernel virtual
addresses), so IRQ n is the cell's n-th: the first is the end of the
inmate's settling wait, sample I is IRQ I + 1. With two cell runs of
the same EL in one log, FIRST, LAST bound the run. --samples prints
every exception in the gaps before those samples' IRQs, with ESR and
ELR: which vCPU ran what.
"""
import collections
import re
import sys

TAKE = re.compile(r"^Taking exception \d+ \[([^\]]+)\] on CPU (\d+)")
FROM = re.compile(r"^\.\.\.from EL(\d) to EL(\d)")
ESR = re.compile(r"^\.\.\.with ESR (\S+)")
ELR = re.compile(r"^\.\.\.with ELR 0x([0-9a-f]+)")
CELL_CPU = 3
# The demo cells' RAM is at guest-physical 0x40000000 and the inmate runs
# with its MMU off: its ELR is below this, root Linux's never is.
CELL_TOP = 1 << 32


def events(path):
    """[cpu, exception, from EL, to EL, ESR, ELR] per exception taken."""
    out = []
    with open(path, errors="replace") as f:
        for line in f:
            m = TAKE.match(line)
            if m:
                out.append([int(m.group(2)), m.group(1), 0, 0, "", 0])
                continue
            if not out:
                continue
            m = FROM.match(line)
            if m:
                out[-1][2:4] = int(m.group(1)), int(m.group(2))
            elif ESR.match(line):
                out[-1][4] = ESR.match(line).group(1)
            elif ELR.match(line):
                out[-1][5] = int(ELR.match(line).group(1), 16)
    return out


def cell_irqs(ev, to_el):
    return [i for i, e in enumerate(ev) if e[0] == CELL_CPU and
            e[1] == "IRQ" and e[2] == 1 and e[3] == to_el and
            e[5] < CELL_TOP]


def show_samples(ev, irqs, samples):
    for s in samples:
        a, b = irqs[s], irqs[s + 1]
        print(f"sample {s} (cell IRQ {s + 1}): {b - a - 1} exceptions "
              "of other vCPUs before it:")
        for e in ev[a + 1:b]:
            print(f"  CPU {e[0]} {e[1]} EL{e[2]}->EL{e[3]} ESR {e[4]} "
                  f"ELR {e[5]:#x}")


def main():
    ev = events(sys.argv[1])
    to_el = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    irqs = cell_irqs(ev, to_el)
    if len(sys.argv) > 4 and sys.argv[3] == "--samples":
        show_samples(ev, irqs, [int(s) for s in sys.argv[4].split(",")])
        return 0
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    last = int(sys.argv[4]) if len(sys.argv) > 4 else 1 << 62
    gaps = sorted(((b - a - 1, n + 1, a, b) for n, (a, b) in
                   enumerate(zip(irqs, irqs[1:]))
                   if first < n + 1 <= last), reverse=True)
    print(f"{len(ev)} exceptions, {len(irqs)} IRQs of the cell (CPU "
          f"{CELL_CPU}) to EL{to_el}; the busiest gaps (IRQ number: "
          "exceptions):")
    for n, idx, a, b in gaps[:10]:
        c = collections.Counter(f"CPU {e[0]} {e[1]} EL{e[2]}->EL{e[3]}"
                                for e in ev[a + 1:b])
        print(f"  {idx}: {n}: " + ", ".join(f"{k} x{v}"
                                           for k, v in c.most_common(6)))


if __name__ == "__main__":
    sys.exit(main())
