"""`make bench`: build time, page count, site size, and the first-view weight of the heaviest page; then the USB
bundle's size by part and its largest files when dist/usb exists (`make usb`).

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

ROOT = Path(__file__).resolve().parent.parent

BUDGET_BYTES = 150 * 1024
BUNDLE_BUDGET_BYTES = 150 * 1000 * 1000  # the whole USB bundle (dist/usb), to fit small sticks and slow copies
BUNDLE_DIR = Path(__file__).resolve().parent.parent / "dist" / "usb"
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


def bundle_parts(bundle: Path) -> dict[str, list[tuple[str, int]]]:
    """The bundle's files by part: site (without PDFs), PDFs, ZIMs, other (start page, README, sums, tools)."""
    parts: dict[str, list[tuple[str, int]]] = {"site": [], "PDFs": [], "ZIMs": [], "other": []}
    for file in sorted(f for f in bundle.rglob("*") if f.is_file()):
        relative = file.relative_to(bundle).as_posix()
        if file.suffix.lower() == ".pdf":
            part = "PDFs"
        elif file.suffix.lower() == ".zim":
            part = "ZIMs"
        elif relative.startswith("site/"):
            part = "site"
        else:
            part = "other"
        parts[part].append((relative, file.stat().st_size))
    return parts


def bundle_report(bundle: Path, largest: int = 10) -> str:
    """`make bench` for the USB edition: size by part, the largest files, and the budget."""
    if not bundle.is_dir():
        return f"USB bundle          not built ({bundle} does not exist; `make usb` builds it)"
    parts = bundle_parts(bundle)
    sizes = {name: sum(size for _, size in files) for name, files in parts.items()}
    total = sum(sizes.values())
    lines = [f"USB bundle          {bundle}"]
    for name, files in parts.items():
        lines.append(f"    {name:<15} {sizes[name] / 1e6:8.1f} MB  ({len(files)} files)")
    verdict = "within" if total <= BUNDLE_BUDGET_BYTES else "OVER"
    lines.append(f"    {'total':<15} {total / 1e6:8.1f} MB  {verdict} the {BUNDLE_BUDGET_BYTES / 1e6:.0f} MB budget "
                 f"({total / BUNDLE_BUDGET_BYTES:.0%} of it)")
    if sizes["site"]:
        lines.append(f"    ZIMs are {sizes['ZIMs'] / sizes['site']:.0%} of the site's size")
    lines.append("largest files:")
    every = [item for files in parts.values() for item in files]
    for relative, size in sorted(every, key=lambda item: -item[1])[:largest]:
        lines.append(f"    {size / 1e6:7.2f} MB  {relative}")
    return "\n".join(lines)


def kit_report() -> str:
    """Time of the printable workshop kit: from the cache (what a rebuild costs) and cold for one language."""
    import time

    from scripts import kit, kit_pdf

    css = kit.stylesheet()
    started = time.perf_counter()
    documents, slides = kit.kit_documents(ROOT)
    pdfs, rendered = kit_pdf.render_all(documents, dict.fromkeys(documents, css))
    warm = time.perf_counter() - started
    english = {path: html for path, html in documents.items() if not path.split("/", 1)[0] in kit.LANGUAGES[1:]}
    with tempfile.TemporaryDirectory(prefix="hub-bench-kit-") as tmp:
        started = time.perf_counter()
        kit_pdf.render_all(english, dict.fromkeys(english, css), cache_dir=Path(tmp))
        cold = time.perf_counter() - started
    size = sum(len(data) for data in pdfs.values())
    largest = max(pdfs.items(), key=lambda item: len(item[1]))
    return "\n".join([
        f"workshop kit        {len(pdfs):8d} PDFs, {size / 1024 / 1024:.1f} MB, and {len(slides)} slide decks",
        f"    PDF time {warm:7.1f} s with the cache ({rendered} rendered anew)",
        f"    PDF time {cold:7.1f} s cold for English alone ({len(english)} PDFs; six languages take about six times as long)",
        f"    largest PDF {len(largest[1]) / 1024:6.1f} KB: {largest[0]}",
    ])


def main(argv: list[str]) -> int:
    if "--bundle" in argv[1:]:  # only the USB bundle, without building the site again
        print(bundle_report(BUNDLE_DIR))
        return 0
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as tmp:
        site = Path(tmp) / "site"
        seconds = build(site)
        print(report(site, seconds))
    print(kit_report())
    print(bundle_report(BUNDLE_DIR))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
