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
EL: 1 for a direct-IRQ cell, whose IRQs do not trap, 2 for a trapping
one (default 1). FIRST, LAST: the IRQ numbers of the run (CPU 3 was
Linux's before the cell: its IRQs count too); without them the busiest
gaps are the cell's creation and the root's work after the run, which
tell where the run starts and ends.
"""
import collections
import re
import sys

TAKE = re.compile(r"^Taking exception \d+ \[([^\]]+)\] on CPU (\d+)")
FROM = re.compile(r"^\.\.\.from EL(\d) to EL(\d)")
CELL_CPU = 3


def events(path):
    out, pending = [], None
    with open(path, errors="replace") as f:
        for line in f:
            m = TAKE.match(line)
            if m:
                pending = (int(m.group(2)), m.group(1))
                continue
            m = FROM.match(line)
            if m and pending:
                out.append(pending + (int(m.group(1)), int(m.group(2))))
                pending = None
    return out


def main():
    ev = events(sys.argv[1])
    to_el = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    last = int(sys.argv[4]) if len(sys.argv) > 4 else 1 << 62
    irqs = [i for i, e in enumerate(ev) if e[0] == CELL_CPU and
            e[1] == "IRQ" and e[2] == 1 and e[3] == to_el]
    gaps = sorted(((b - a - 1, n + 1, a, b) for n, (a, b) in
                   enumerate(zip(irqs, irqs[1:]))
                   if first < n + 1 <= last), reverse=True)
    print(f"{len(ev)} exceptions, {len(irqs)} IRQs of CPU {CELL_CPU} "
          f"to EL{to_el}; the busiest gaps (IRQ number: exceptions):")
    for n, idx, a, b in gaps[:10]:
        c = collections.Counter(f"CPU {e[0]} {e[1]} EL{e[2]}->EL{e[3]}"
                                for e in ev[a + 1:b])
        print(f"  {idx}: {n}: " + ", ".join(f"{k} x{v}"
                                           for k, v in c.most_common(6)))


if __name__ == "__main__":
    sys.exit(main())
