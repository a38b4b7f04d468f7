"""Draws the app icon (an embed frame on indigo) as RGBA PNGs, with the standard library only.

Usage: python3 scripts/icons/make_icons.py   (writes icons/*.png)
"""
import os
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "icons")


def png(size):
    rows = []
    r = size * 0.18  # corner radius
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # rounded square mask
            cx = min(max(x + 0.5, r), size - r)
            cy = min(max(y + 0.5, r), size - r)
            inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r
            if not inside:
                row += bytes([0, 0, 0, 0])
                continue
            u, v = x / size, y / size
            color = (79, 70, 229, 255)  # indigo
            # a white browser frame with a title bar
            frame = 0.2 <= u <= 0.8 and 0.24 <= v <= 0.76
            border = frame and not (0.25 <= u <= 0.75 and 0.36 <= v <= 0.71)
            bar = frame and 0.24 <= v <= 0.36
            chart = 0.3 <= u <= 0.7 and 0.45 <= v <= 0.66 and (int(u * 10) % 2 == 1) and v >= 0.66 - (u - 0.25) * 0.5
            if border or bar or chart:
                color = (255, 255, 255, 255)
            row += bytes(color)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


os.makedirs(ROOT, exist_ok=True)
for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    with open(os.path.join(ROOT, name), "wb") as f:
        f.write(png(size))
print("icons written to", os.path.normpath(ROOT))
