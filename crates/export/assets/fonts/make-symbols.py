#!/usr/bin/env python3
"""Rebuilds NpsSymbols-Regular.ttf, the few symbols Vazirmatn lacks, from Debian's
fonts-noto-core (Noto Sans Symbols and Symbols 2, SIL OFL 1.1, no reserved font name).

Not run by the build or the tests: the result is committed. To run it again:
    apt-get download fonts-noto-core && dpkg-deb -x fonts-noto-core_*.deb noto
    python3 -m venv venv && venv/bin/pip install fonttools
    venv/bin/python make-symbols.py noto/usr/share/fonts/truetype/noto
"""
import subprocess
import sys
from pathlib import Path

from fontTools.merge import Merger
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

# The FC60 stamp's half-day markers (sun, crescent moon), stars, discs and arrows.
SYMBOLS_2 = [0x2600, 0x2605, 0x2606, 0x25CF, 0x25CB, 0x25D0, 0x25D1, 0x1F315]
SYMBOLS = [0x2190, 0x2191, 0x2192, 0x2193, 0x263D, 0x263E]
# U+1F319 CRESCENT MOON (the stamp's second-half marker) has no outline in any OFL font
# Debian ships; it is drawn with the glyph of U+263E LAST QUARTER MOON, a crescent.
ALIASES = {0x1F319: 0x263E}
FAMILY = "NPS Symbols"


def subset(path, codepoints, out):
    font = TTFont(path)
    options = Options()
    options.hinting = False
    options.name_IDs = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.save(out)


def main(noto_dir):
    here = Path(__file__).parent
    noto = Path(noto_dir)
    subset(noto / "NotoSansSymbols2-Regular.ttf", SYMBOLS_2, "/tmp/nps-sym2.ttf")
    subset(noto / "NotoSansSymbols-Regular.ttf", SYMBOLS, "/tmp/nps-sym1.ttf")
    merged = Merger().merge(["/tmp/nps-sym2.ttf", "/tmp/nps-sym1.ttf"])
    for table in merged["cmap"].tables:
        if table.isUnicode():
            for alias, target in ALIASES.items():
                if target in table.cmap and (alias <= 0xFFFF or table.format == 12):
                    table.cmap[alias] = table.cmap[target]
    names = merged["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("NPSSymbols-Regular", 6, record.platformID, record.platEncID, record.langID)
    merged.save(here / "NpsSymbols-Regular.ttf")
    print(subprocess.run(["ls", "-l", str(here / "NpsSymbols-Regular.ttf")], capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main(sys.argv[1])
