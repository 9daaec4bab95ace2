#!/usr/bin/env python3
"""Checks x86 inmate images against the boot contract's two entries
(Documentation/inmate-abi.md, x86): a multiboot-1 header with the a.out
kludge in the first 8 KiB, load address 1 MiB, and a first instruction
that jumps to the header's entry, since Warden enters at the image's
first byte while a multiboot loader uses the entry field.
Usage: check-x86-entry.py IMAGE.bin...   (exit 1 on the first bad one)"""
import struct
import sys

MB_MAGIC = 0x1BADB002
LOAD = 0x100000


def check(path):
    data = open(path, "rb").read()
    for off in range(0, min(len(data), 8192) - 32, 4):
        magic, flags, csum = struct.unpack_from("<III", data, off)
        if magic == MB_MAGIC and (magic + flags + csum) & 0xFFFFFFFF == 0:
            break
    else:
        return "no multiboot header in the first 8 KiB"
    if not flags & (1 << 16):
        return "multiboot flag 16 (a.out kludge) not set"
    hdr, load, load_end, bss_end, entry = struct.unpack_from("<5I", data,
                                                             off + 12)
    if load != LOAD or hdr - load != off:
        return "load address 0x%x, header at 0x%x" % (load, hdr)
    if load_end - load != len(data):
        return "load_end 0x%x but the file ends at 0x%x" % (
            load_end, load + len(data))
    if data[0] == 0xE9:
        target = LOAD + 5 + struct.unpack_from("<i", data, 1)[0]
    elif data[0] == 0xEB:
        target = LOAD + 2 + struct.unpack_from("<b", data, 1)[0]
    else:
        return "first byte 0x%02x is not a jump" % data[0]
    if target != entry:
        return "first jump to 0x%x, multiboot entry 0x%x" % (target, entry)
    return None


def main():
    for path in sys.argv[1:]:
        why = check(path)
        if why:
            print("FAIL %s: %s" % (path, why))
            return 1
    print("ok   x86 images: multiboot header and first-byte entry agree "
          "(%d images)" % (len(sys.argv) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
