#!/usr/bin/env python3
"""The NPS Oracle app icons for every platform, all made from ONE source image.

    scripts/make-icons.py                 # draw icons/source.png, then derive the rest
    scripts/make-icons.py --from ART.png  # derive the rest from another square image

The source is the app icon (a gold crescent and star on a night-blue rounded square)
drawn at 1024x1024 RGBA with the standard library (zlib + struct), or any square image
given with --from (at least 1024 px: macOS wants 512@2x). Everything else is scaled
down from it with Pillow (pip install Pillow): the PNGs Tauri and Linux use
(32x32, 128x128, 128x128@2x, icon.png 512), icons/icon.ico for Windows (16-256 px) and
icons/icon.icns for macOS (16-1024 px). tauri.conf.json's bundle.icon lists them. Run
again after changing the drawing; the outputs are committed."""
import argparse
import math
import os
import struct
import sys
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "icons")
SOURCE = "source.png"
SOURCE_SIZE = 1024
PNG_SIZES = {"32x32.png": 32, "128x128.png": 128, "128x128@2x.png": 256, "icon.png": 512}
# Windows: Explorer and the taskbar pick from these (256 is the largest an .ico holds).
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
# macOS: the icon sizes an .icns carries, up to 512@2x.
ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]


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


def derive(source_path):
    """Every platform's icon files, scaled down from the one source image."""
    try:
        from PIL import Image
    except ImportError:
        sys.exit("make-icons: Pillow is needed to write .ico/.icns: pip install Pillow")
    source = Image.open(source_path).convert("RGBA")
    if source.width != source.height or source.width < SOURCE_SIZE:
        sys.exit(f"make-icons: the source must be square and at least {SOURCE_SIZE} px")

    def scaled(n):
        return source if n == source.width else source.resize((n, n), Image.Resampling.LANCZOS)

    for name, n in PNG_SIZES.items():
        scaled(n).save(os.path.join(OUT, name), optimize=True)
        print("icons/" + name)
    # Each size is scaled from the source here (Pillow would otherwise scale the
    # largest frame it was given).
    largest = scaled(max(ICO_SIZES))
    largest.save(os.path.join(OUT, "icon.ico"), sizes=[(n, n) for n in ICO_SIZES],
                 append_images=[scaled(n) for n in ICO_SIZES if n != max(ICO_SIZES)])
    print("icons/icon.ico")
    scaled(max(ICNS_SIZES)).save(os.path.join(OUT, "icon.icns"),
                                 append_images=[scaled(n) for n in ICNS_SIZES[:-1]])
    print("icons/icon.icns")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", help="a square image to derive the icons from")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    source = args.source
    if source is None:
        source = os.path.join(OUT, SOURCE)
        with open(source, "wb") as f:
            f.write(png(SOURCE_SIZE, SOURCE_SIZE, draw(SOURCE_SIZE)))
        print("icons/" + SOURCE)
    derive(source)


if __name__ == "__main__":
    main()
