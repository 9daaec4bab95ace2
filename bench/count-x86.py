#!/usr/bin/env python3
# Instructions Warden (x86) runs per #VMEXIT, from a QEMU trace of its
# range: qemu -d in_asm,exec,nochain -dfilter BASE+SIZE (ci/run-qemu-x86.sh
# --qemu-opt ...; ci/scenarios/x86-measure.env). in_asm gives each
# translated block's instructions, exec each block run. An exit is what
# runs from the block after VMRUN to the block ending in VMRUN: prints
# how many exits took how many instructions (the hypercall loop's
# GET_INFO round trips are the most frequent count).
#   bench/count-x86.py LOG VMRUN_RETURN_ADDRESS
import collections
import re
import sys


def main(log, after_vmrun):
    blocks, cur = {}, None
    execs = []
    for line in open(log, errors='replace'):
        if line.startswith('IN:'):
            cur = None
            continue
        m = re.match(r'0x([0-9a-f]+):\s+(.*)$', line)
        if m and cur is None:
            cur = int(m.group(1), 16)
            blocks[cur] = 0
        if m:
            # a long instruction's bytes go on over a second line
            if not re.fullmatch(r'(?:[0-9a-f]{2} ?)+\s*', m.group(2)):
                blocks[cur] += 1
            continue
        if line.strip() == '' or line.startswith('----'):
            cur = None
        m = re.match(r'Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/', line)
        if m:
            execs.append(int(m.group(1), 16))
    counts, n = collections.Counter(), None
    for pc in execs:
        if pc == after_vmrun:
            if n is not None:
                counts[n] += 1
            n = 0
        if n is not None:
            n += blocks.get(pc, 0)
    for insns, times in counts.most_common(8):
        print(f'{times:6d} exits of {insns} instructions')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2], 16))
