"""HTML -> PDF with WeasyPrint, using only the vendored Noto fonts, cached by content hash and rendered in parallel.

The cache key covers everything that shapes a PDF: the HTML, the print stylesheet, the font files and the WeasyPrint
version. An unchanged document is copied from `build/kit-cache/` instead of being rendered again, so `make site`
stays fast; a changed one is rendered anew. Characters the fonts cannot show are refused before rendering (a PDF
with empty boxes in place of words is worse than no PDF).
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from scripts.errors import ContentError, Problem

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "scripts" / "fonts"
FONT_FILES = {
    ("Noto Sans", "normal"): "NotoSans-Regular.ttf",
    ("Noto Sans", "bold"): "NotoSans-Bold.ttf",
    ("Noto Sans Arabic", "normal"): "NotoSansArabic-Regular.ttf",
    ("Noto Sans Arabic", "bold"): "NotoSansArabic-Bold.ttf",
    ("Noto Sans Symbols", "normal"): "NotoSansSymbols-Regular.ttf",   # arrows and a few signs
    ("Noto Sans Thai", "normal"): "NotoSansThai-Regular.ttf",         # service names in Thai
    ("Noto Sans CJK Subset", "normal"): "NotoSansCJK-Subset.otf",     # names in Japanese/Korean (make_cjk_font.py)
}
FAMILIES = '"Noto Sans Symbols", "Noto Sans Thai", "Noto Sans CJK Subset"'   # fallbacks after the text fonts
CACHE = ROOT / "build" / "kit-cache"


def font_css() -> str:
    rules = []
    for (family, weight), name in FONT_FILES.items():
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                     f'src: url("{(FONTS / name).as_uri()}"); }}')
    return "\n".join(rules) + "\n"


@cache
def covered_characters() -> frozenset[str]:
    """Every character some vendored font can draw."""
    from fontTools.ttLib import TTFont

    chars: set[str] = set()
    for name in FONT_FILES.values():
        font = TTFont(FONTS / name, lazy=True)
        chars.update(chr(code) for code in font.getBestCmap())
        font.close()
    return frozenset(chars)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "svg"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "svg") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


_IGNORABLE = re.compile(r"[\s\u200b-\u200f\u2066-\u2069\u061c\ufeff]")


def missing_glyphs(html: str) -> set[str]:
    """Characters of the document's text that none of the fonts has (they would print as empty boxes)."""
    covered = covered_characters()
    return {c for c in set(_IGNORABLE.sub("", visible_text(html))) if c not in covered}


@cache
def _fingerprint() -> str:
    import weasyprint

    digest = hashlib.sha256(weasyprint.__version__.encode())
    for name in sorted(FONT_FILES.values()):
        digest.update((FONTS / name).read_bytes())
    return digest.hexdigest()


def cache_key(html: str, css: str) -> str:
    return hashlib.sha256((_fingerprint() + "\0" + css + "\0" + html).encode("utf-8")).hexdigest()


@cache
def _stylesheet(css: str):
    """Fonts and stylesheet parsed once per process and reused for every document (a third of the time)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return fonts, CSS(string=font_css() + css, font_config=fonts)


def render(html: str, css: str) -> bytes:
    from weasyprint import HTML

    fonts, stylesheet = _stylesheet(css)
    return HTML(string=html, base_url=str(ROOT)).write_pdf(stylesheets=[stylesheet], font_config=fonts)


def _render_job(job: tuple[str, str, str]) -> tuple[str, bytes]:
    name, html, css = job
    return name, render(html, css)


def render_all(documents: dict[str, str], css_for: dict[str, str], cache_dir: Path = CACHE,
               workers: int | None = None) -> tuple[dict[str, bytes], int]:
    """{name: PDF bytes} for {name: HTML}; `css_for[name]` is that document's stylesheet. Returns the PDFs and how
    many were rendered (the rest came from the cache)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, bytes] = {}
    todo = []
    keys = {}
    for name, html in documents.items():
        key = keys[name] = cache_key(html, css_for[name])
        cached = cache_dir / f"{key}.pdf"
        if cached.exists():
            results[name] = cached.read_bytes()
        else:
            todo.append((name, html, css_for[name]))
    # Only documents to render are checked: a cached PDF passed this check when it was made (the key covers the
    # HTML and the font files), and parsing 1,700 documents on every build would cost seconds for nothing.
    problems = []
    for name, html, _ in todo:
        missing = missing_glyphs(html)
        if missing:
            shown = " ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(missing))
            problems.append(Problem(Path(name), None, f"the PDF fonts cannot show {shown}; use other characters in "
                                                      "the source text, or add a font to scripts/fonts/ (for "
                                                      "Chinese, Japanese or Korean: python -m scripts.make_cjk_font)"))
    if problems:
        raise ContentError(problems)
    if todo:
        count = workers or min(len(todo), os.cpu_count() or 1)
        if count > 1:
            with ProcessPoolExecutor(max_workers=count) as pool:
                rendered: Iterable = list(pool.map(_render_job, todo, chunksize=max(1, len(todo) // (count * 8))))
        else:
            rendered = [_render_job(job) for job in todo]
        for name, data in rendered:
            results[name] = data
            temporary = cache_dir / f"{keys[name]}.pdf.tmp{os.getpid()}"
            temporary.write_bytes(data)
            temporary.replace(cache_dir / f"{keys[name]}.pdf")
    return results, len(todo)


def prune_cache(keep: Iterable[str], cache_dir: Path = CACHE) -> None:
    """Forget cached PDFs no current document uses, so the cache does not grow without end."""
    wanted = {f"{key}.pdf" for key in keep}
    for path in cache_dir.glob("*.pdf"):
        if path.name not in wanted:
            path.unlink()
