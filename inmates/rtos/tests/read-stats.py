#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Reads the RTOS statistics block (struct wd_rt_stats, include/warden/rtos.h)
out of a running QEMU through its human monitor, as the root cell will
read it out of the comm region: without stopping the cell.

Usage: read-stats.py MONITOR_SOCKET ADDRESS
Prints one "block ..." line and one "task ..." line per task; exits 1 if
the block is not valid. Retries while the sequence count is odd or
changes between two reads (the block's reader protocol)."""
import re
import socket
import struct
import sys
import time

STATS_MAGIC = 0x53544154535452
BLOCK_SIZE = 80 + 8 * 56  # sizeof(struct wd_rt_stats)
HEADER = struct.Struct("<QIIIIIIQQQQQQ")
TASK = struct.Struct("<16sQQQQQ")


def read_until_prompt(sock):
    reply = b""
    while not reply.rstrip().endswith(b"(qemu)"):
        chunk = sock.recv(65536)
        if not chunk:
            sys.exit("read-stats: monitor closed")
        reply += chunk
    return reply.decode(errors="replace")


def read_block(sock, address):
    words = BLOCK_SIZE // 8
    sock.sendall(b"xp /%dgx 0x%x\n" % (words, address))
    reply = read_until_prompt(sock)
    values = [int(v, 16) for v in re.findall(r"0x([0-9a-f]{16})", reply)]
    if len(values) != words:
        sys.exit("read-stats: expected %d words, got %d" % (words,
                                                            len(values)))
    return struct.pack("<%dQ" % words, *values)


def consistent_block(sock, address):
    for _ in range(100):
        first = read_block(sock, address)
        sequence = HEADER.unpack_from(first)[2]
        if sequence % 2 == 0 and read_block(sock, address)[:16] == first[:16]:
            return first
        time.sleep(0.01)
    sys.exit("read-stats: block never stable")


def main():
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(sys.argv[1])
    read_until_prompt(sock)  # the greeting
    raw = consistent_block(sock, int(sys.argv[2], 0))
    (magic, revision, sequence, policy, count, verdict, _, freq, start,
     now, idle, switches, latency) = HEADER.unpack_from(raw)
    if magic != STATS_MAGIC or count > 8:
        print("block invalid: magic 0x%x count %d" % (magic, count))
        sys.exit(1)
    print("block revision %d sequence %d policy %d count %d verdict %d "
          "freq %d elapsed %d idle %d switches %d irq-latency %d"
          % (revision, sequence, policy, count, verdict, freq, now - start,
             idle, switches, latency))
    for i in range(count):
        name, released, completed, misses, overruns, worst = \
            TASK.unpack_from(raw, HEADER.size + i * TASK.size)
        print("task %s released %d completed %d misses %d overruns %d "
              "worst %d" % (name.rstrip(b"\0").decode(), released,
                            completed, misses, overruns, worst))


main()
