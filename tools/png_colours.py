#!/usr/bin/env python3
"""png_colours.py IMAGE.png RRGGBB[:MIN] ...: counts the pixels of each colour in a PNG and
fails unless each appears at least MIN times (default 1). Reads the 8-bit, non-interlaced RGB
and RGBA images Chromium writes, with the standard library only.

    tools/png_colours.py alexnet.png 4e79a7:2000 f28e2b:2000   # the chart's bars are there
"""
import struct
import sys
import zlib


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise SystemExit(f"{path}: only 8-bit non-interlaced RGB or RGBA is read")
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    at = 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):  # undo the row filter (PNG specification, section 9)
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, channels):
            yield bytes(line[x:x + 3])
        previous = line


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    wanted = {}
    for spec in argv[2:]:
        colour, _, minimum = spec.partition(":")
        wanted[bytes.fromhex(colour)] = int(minimum or 1)
    counts = dict.fromkeys(wanted, 0)
    for rgb in pixels(argv[1]):
        if rgb in counts:
            counts[rgb] += 1
    ok = True
    for colour, minimum in wanted.items():
        print(f"#{colour.hex()}: {counts[colour]} pixels (at least {minimum} wanted)")
        ok = ok and counts[colour] >= minimum
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
