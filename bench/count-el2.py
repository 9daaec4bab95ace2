#!/usr/bin/env python3
"""Counts Warden's EL2 instructions per exit in a QEMU instruction trace.

The trace comes from QEMU run with `-singlestep -d nochain,exec,int
-dfilter BASE+SIZE -D FILE` (BASE, SIZE: the hypervisor's range; or the
same turned on from the monitor, bench/count-el2.sh): with -singlestep
every translation block is one instruction, and with nochain every
executed block is logged, so each "Trace" line in the range is one
executed EL2 instruction, less those QEMU entered and left before running
them ("Stopped execution of TB chain": not counted) and the second line of
an MMIO access QEMU restarts under -icount (the same address twice in a
row; EL2 has no instruction that branches to itself). An exit is what lies
between "Taking exception ... to EL2" (the int log) and the next
"Exception return from AArch64 EL2", per vCPU (with one TCG thread, the
last CPU seen is the one running). Exits are classed by a symbol of
warden.elf they executed (hc_console_write, ivshmem_doorbell, ...) or by
the exception (IRQ, HVC), optionally on some CPUs only.

  bench/count-el2.py --elf out/arm64/hv/warden.elf --base 0x7f000000 \
      TRACE CLASS=WHAT[@CPU,CPU...] ...
WHAT is exc:IRQ (exits of that exception) or sym:NAME (exits that ran
NAME). Prints one CSV line per class: class,exits,min,mode,median,max.
"""
import argparse
import bisect
import collections
import re
import subprocess
import sys

TRACE = re.compile(r"^Trace (\d+): 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/")
TAKE = re.compile(r"^Taking exception \d+ \[([^\]]+)\] on CPU (\d+)")
TO_EL2 = re.compile(r"^\.\.\.from EL\d to EL2")
RETURN = re.compile(r"^Exception return from AArch64 EL2 ")
STOPPED = re.compile(r"^Stopped execution of TB chain")


def symbols(elf, base):
    out = subprocess.run(["aarch64-linux-gnu-nm", "-n", elf], check=True,
                         capture_output=True, text=True).stdout
    addrs, names = [], []
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            addrs.append(int(f[0], 16) + base)
            names.append(f[2])
    return addrs, names


def exits(trace):
    """Yields (exception, cpu, [pc, ...]) for each exit to EL2."""
    cur = None  # CPU running now
    pending = None  # (exception, cpu) of a "Taking exception" line
    open_ = {}  # cpu -> (exception, pcs)
    for line in trace:
        m = TRACE.match(line)
        if m:
            cur = int(m.group(1))
            pc = int(m.group(2), 16)
            # The same instruction twice in a row: under -icount QEMU
            # stops at an MMIO access that is not the last of its block
            # and runs it again from a new block; executed once.
            if cur in open_ and open_[cur][1][-1:] != [pc]:
                open_[cur][1].append(pc)
            continue
        if STOPPED.match(line):
            if cur in open_ and open_[cur][1]:
                open_[cur][1].pop()  # entered, left before it ran
            continue
        m = TAKE.match(line)
        if m:
            pending = (m.group(1), int(m.group(2)))
            cur = pending[1]
            continue
        if pending and TO_EL2.match(line):
            open_[pending[1]] = (pending[0], [])
            pending = None
            continue
        if RETURN.match(line) and cur in open_:
            exc, pcs = open_.pop(cur)
            yield exc, cur, pcs


def parse_class(spec):
    """NAME=KIND:ARG[@CPU,...] -> (name, kind, arg, cpus or None)"""
    name, what = spec.split("=", 1)
    what, _, cpus = what.partition("@")
    kind, _, arg = what.partition(":")
    return name, kind, arg, {int(c) for c in cpus.split(",")} if cpus else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--elf", required=True)
    ap.add_argument("--base", type=lambda s: int(s, 0), required=True)
    ap.add_argument("trace")
    ap.add_argument("classes", nargs="+")
    a = ap.parse_args()
    addrs, names = symbols(a.elf, a.base)
    classes = [parse_class(c) for c in a.classes]
    counts = collections.defaultdict(list)
    with open(a.trace, errors="replace") as t:
        for exc, cpu, pcs in exits(t):
            ran = {names[i] for i in
                   (bisect.bisect_right(addrs, pc) - 1 for pc in set(pcs))
                   if i >= 0}
            for name, kind, arg, cpus in classes:
                if cpus is not None and cpu not in cpus:
                    continue
                if (kind == "exc" and exc == arg) or \
                   (kind == "sym" and arg in ran):
                    counts[name].append(len(pcs))
    print("class,exits,min,mode,median,max")
    for name, *_ in classes:
        n = sorted(counts[name])
        if not n:
            print(f"{name},0,,,,")
            continue
        mode = collections.Counter(n).most_common(1)[0][0]
        print(f"{name},{len(n)},{n[0]},{mode},{n[len(n) // 2]},{n[-1]}")


if __name__ == "__main__":
    sys.exit(main())
