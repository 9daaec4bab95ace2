#!/usr/bin/env python3
"""Are two arm64 system config blobs equivalent for the root and Warden?

Equivalent (issue 21's round trip) means: the same hypervisor memory,
cell pool, RAM and console; the same CPUs (count, MPIDRs) and GIC (version,
frames, interrupt IDs, maintenance PPI); the root's same CPUs, RAM
regions, shared memory and links; and every IO region of GOT (each DT
device) lies inside WANT's IO regions. WANT may map more: the shipped
QEMU configs also give the root the device-free space between devices.
llc_way_size and bank_mask are not compared: the shipped QEMU values are
made up for the colouring tests, and no device tree carries them.
usage: config_equiv.py WANT.cell GOT.cell"""
import struct
import sys

IO, SHARED = 1 << 3, 1 << 5


def parse(path):
    b = open(path, "rb").read()
    s = 16
    sysf = struct.unpack_from("<6Q", b, s)  # hypervisor, pool, ram
    console = struct.unpack_from("<QI", b, s + 48)
    p = s + 64
    ncpu = struct.unpack_from("<I", b, p)[0]
    a = p + 40
    gic = struct.unpack_from("<II5QI", b, a)
    mpidr = struct.unpack_from("<64Q", b, a + 56)
    r = s + 744
    nmem, ndev, nirq = struct.unpack_from("<III", b, r + 36)
    cpus = struct.unpack_from("<Q", b, r + 48)[0]
    nlink = struct.unpack_from("<I", b, r + 72)[0]
    m = r + 96  # sizeof(struct wd_cell)
    mem = [struct.unpack_from("<QQQI", b, m + 32 * i) for i in range(nmem)]
    lk = m + 32 * nmem + 40 * ndev
    links = [struct.unpack_from("<IIII", b, lk + 16 * i) for i in range(nlink)]
    return dict(sys=sysf, console=console, ncpu=ncpu, gic=gic, mpidr=mpidr,
                cpus=cpus, mem=mem, links=links, ndev=ndev, nirq=nirq)


def io(cfg):
    return [(x[0], x[0] + x[2]) for x in cfg["mem"] if x[3] & IO]


def inside(r, regions):
    return any(s <= r[0] and r[1] <= e for s, e in regions)


def compare(want, got):
    errs = []
    for key in ("sys", "console", "ncpu", "gic", "mpidr", "cpus", "ndev",
                "nirq"):
        if want[key] != got[key]:
            errs.append(f"{key}: want {want[key]}, got {got[key]}")
    for kind in ("RAM", "SHARED"):
        pick = (lambda x: not x[3] & IO and not x[3] & SHARED) \
            if kind == "RAM" else (lambda x: x[3] & SHARED)
        w = sorted(x for x in want["mem"] if pick(x))
        g = sorted(x for x in got["mem"] if pick(x))
        if w != g:
            errs.append(f"root {kind}: want {w}, got {g}")
    # link mem_index differs with the region order: compare id and doorbell
    if [(x[0], x[2]) for x in want["links"]] != \
            [(x[0], x[2]) for x in got["links"]]:
        errs.append(f"links: want {want['links']}, got {got['links']}")
    for r in io(got):
        if not inside(r, io(want)):
            errs.append(f"IO {r[0]:#x}-{r[1]:#x} is not the root's in WANT")
    return errs


errs = compare(parse(sys.argv[1]), parse(sys.argv[2]))
for e in errs:
    print(f"{sys.argv[2]}: {e}")
sys.exit(1 if errs else 0)
