#!/usr/bin/env python3
"""Send HMP commands to a QEMU monitor on a unix socket, print the replies.
Usage: ci/hmp.py SOCKET COMMAND...   (used by ci/run-qemu.sh's watchdog)"""
import socket
import sys
import time


def read_until_prompt(s, timeout=10.0):
    s.settimeout(0.5)
    out, end = b"", time.time() + timeout
    while not out.endswith(b"(qemu) ") and time.time() < end:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        out += chunk
    return out.decode(errors="replace")


def main():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sys.argv[1])
    read_until_prompt(s)  # banner
    for cmd in sys.argv[2:]:
        s.sendall(cmd.encode() + b"\n")
        # quit: until QEMU closes the socket; else the reply, without the
        # echoed command, the prompt and the vector registers (Qnn=)
        reply = read_until_prompt(s, 30.0)
        lines = reply.replace("\r", "").splitlines()[1:-1]
        print("\n".join(l for l in lines if not l.startswith("Q")))
    s.close()


if __name__ == "__main__":
    main()
