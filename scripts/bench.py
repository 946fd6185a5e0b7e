"""`make bench`: build time, page count, site size, and the first-view weight of the heaviest page.

First view = what a first visit to one page loads: the HTML, its stylesheets and scripts, and (because the search
box is on every page) the search worker, the language's search index and the lunr language files it needs.
Sizes are gzip-compressed, as a phone would receive them from a web server; from files nothing is compressed,
but the figure is the one the budget is set in.
"""
from __future__ import annotations

import gzip
import re
import sys
import tempfile
from pathlib import Path

from scripts.build_site import build
from scripts.site_build import DEFAULT_LANGUAGE, LUNR_LANGUAGES, page_language

BUDGET_BYTES = 150 * 1024
_ASSET = re.compile(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"#?]+\.(?:js|css))"', re.I)


def gzip_size(path: Path, cache: dict) -> int:
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), compresslevel=9))
    return cache[path]


def search_files(site: Path, lang: str) -> list[Path]:
    root = site if lang == DEFAULT_LANGUAGE else site / lang
    files = [root / "search" / "search_index.js"]
    files += sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    code = LUNR_LANGUAGES.get(lang)
    if code and code != "en":
        files += [lunr / "lunr.stemmer.support.min.js", lunr / f"lunr.{code}.min.js"]
    return [f for f in files if f.exists()]


def first_view(site: Path, page: Path, cache: dict) -> tuple[int, list[tuple[str, int]]]:
    html = page.read_text(encoding="utf-8")
    files = [page]
    for ref in _ASSET.findall(html):
        target = (page.parent / ref).resolve()
        if target.exists() and target not in files:
            files.append(target)
    files += search_files(site, page_language(page.relative_to(site).as_posix()))
    parts = [(str(f.relative_to(site)), gzip_size(f, cache)) for f in files]
    return sum(size for _, size in parts), parts


def report(site: Path, seconds: float | None) -> str:
    pages = sorted(p for p in site.rglob("*.html"))
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    cache: dict = {}
    weights = [(first_view(site, p, cache), p) for p in pages]
    (heaviest, parts), page = max(weights, key=lambda item: item[0][0])
    over = [p for (w, _), p in weights if w > BUDGET_BYTES]
    lines = []
    if seconds is not None:
        lines.append(f"build time          {seconds:8.1f} s (whole site, six languages)")
    lines += [
        f"pages               {len(pages):8d}",
        f"site size           {total / 1024 / 1024:8.1f} MB",
        f"heaviest first view {heaviest / 1024:8.1f} KB gzipped: {page.relative_to(site)}",
    ]
    for name, size in sorted(parts, key=lambda item: -item[1]):
        lines.append(f"    {size / 1024:7.1f} KB  {name}")
    verdict = "within" if not over else "OVER"
    lines.append(f"budget              {BUDGET_BYTES / 1024:8.1f} KB per page: {verdict} budget "
                 f"({heaviest / BUDGET_BYTES:.0%} of it at the heaviest page; {len(over)} pages over)")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as tmp:
        site = Path(tmp) / "site"
        seconds = build(site)
        print(report(site, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
