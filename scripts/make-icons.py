#!/usr/bin/env python3
"""Draws the NPS Oracle app icon (a gold crescent and star on a night-blue rounded
square) as RGBA PNGs into icons/, with the standard library only (zlib + struct).
Run again after changing the drawing; the PNGs are committed."""
import math
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "icons")
SIZES = {"32x32.png": 32, "128x128.png": 128, "128x128@2x.png": 256, "icon.png": 512}


def png(width, height, rows):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def cover(d, aa):
    """Coverage of a pixel whose centre is at signed distance d (negative = inside)."""
    return max(0.0, min(1.0, 0.5 - d / aa))


def star_dist(x, y, cx, cy, r):
    # A 4-pointed star: distance in a "diamond with pinched sides" metric.
    dx, dy = abs(x - cx), abs(y - cy)
    return (math.sqrt(dx) + math.sqrt(dy)) ** 2 - r


def draw(n):
    s = 1.0 / n
    aa = 1.5 / n
    rows = []
    for j in range(n):
        row = []
        for i in range(n):
            x, y = (i + 0.5) * s, (j + 0.5) * s
            # Rounded square background, vertical gradient.
            q = 0.5 - 0.06
            ex, ey = max(abs(x - 0.5) - (q - 0.18), 0), max(abs(y - 0.5) - (q - 0.18), 0)
            bg = cover(math.hypot(ex, ey) - 0.18, aa)
            top, bottom = (40, 38, 110), (14, 16, 48)
            col = [top[k] + (bottom[k] - top[k]) * y for k in range(3)]
            alpha = bg
            # Crescent: a disc minus a shifted disc.
            d1 = math.hypot(x - 0.46, y - 0.52) - 0.30
            d2 = math.hypot(x - 0.58, y - 0.44) - 0.26
            moon = min(cover(d1, aa), 1.0 - cover(d2, aa))
            gold = (246, 196, 72)
            col = [col[k] + (gold[k] - col[k]) * moon for k in range(3)]
            # Star.
            st = cover(star_dist(x, y, 0.72, 0.30, 0.10) * 2.5, aa)
            light = (255, 236, 170)
            col = [col[k] + (light[k] - col[k]) * st for k in range(3)]
            row += [round(c) for c in col] + [round(255 * alpha)]
        rows.append(row)
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, n in SIZES.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(png(n, n, draw(n)))
        print("icons/" + name)


if __name__ == "__main__":
    main()
