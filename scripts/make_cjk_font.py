"""Maintainer tool: remake scripts/fonts/NotoSansCJK-Subset.otf, the Japanese/Korean/Chinese glyphs the PDF help
cards need (service names in their own script), cut from Noto Sans CJK so the repository does not carry 20 MB.

    apt-get install fonts-noto-cjk && python -m scripts.make_cjk_font

Run it when the PDF build says the fonts cannot show a CJK character (a new service name in the directory).
It keeps every character of the CJK blocks used in data/ plus all kana, so small edits rarely need a new subset.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = ROOT / "scripts" / "fonts" / "NotoSansCJK-Subset.otf"
CJK_RANGES = ((0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0x1100, 0x11FF),
              (0x3130, 0x318F), (0xFF00, 0xFFEF))


def wanted_characters() -> set[int]:
    found = set(range(0x3040, 0x3100))  # hiragana and katakana, in full
    for path in (ROOT / "data").rglob("*.yaml"):
        for char in path.read_text(encoding="utf-8"):
            if any(low <= ord(char) <= high for low, high in CJK_RANGES):
                found.add(ord(char))
    return found


def main() -> int:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    if not SOURCE.exists():
        print(f"{SOURCE} is missing: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    font = TTFont(SOURCE, fontNumber=0)  # the Japanese face; it has Hangul and the common Han characters too
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted_characters()))
    subsetter.subset(font)
    font["name"].setName("Noto Sans CJK Subset", 1, 3, 1, 0x409)
    font["name"].setName("Noto Sans CJK Subset", 1, 1, 0, 0)
    font.save(TARGET)
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
