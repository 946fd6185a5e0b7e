"""One Kiwix (ZIM) file per language, made from the built site with libzim's writer.

The ZIM keeps the site's own paths (`fr/index.html`, `assets/...`), so every relative link and stylesheet works
unchanged inside Kiwix. Each file holds one language's pages plus the shared assets, not the per-language search
indexes: Kiwix searches with the ZIM's own full-text index. The language switcher and the search box are hidden,
since neither works inside a one-language ZIM.
"""
from __future__ import annotations

import html
import re
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from scripts.edition import Edition

LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
DEFAULT_LANGUAGE = "en"
ISO_639_3 = {"en": "eng", "fr": "fra", "es": "spa", "pt": "por", "ar": "ara", "sw": "swa"}
BRAND_COLOUR = (0x0B, 0x55, 0x63)  # the teal of docs/assets/images/favicon.svg

MIME_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".json": "application/json",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon", ".woff2": "font/woff2",
    ".woff": "font/woff", ".ttf": "font/ttf", ".pdf": "application/pdf", ".txt": "text/plain",
    ".xml": "application/xml",
}
COMPRESSED_ALREADY = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff2", ".woff", ".pdf", ".gz", ".zip"}
# Not needed in Kiwix: the browser search (indexes, lunr, its worker), source maps, sitemaps, the 404 page.
SKIPPED_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
SKIPPED_NAMES = {"404.html", "sitemap.xml", "sitemap.xml.gz", "search_index.js", "search_index.json"}
ZIM_STYLE = ('<style id="hub-zim">.md-search,label[for="__search"],.md-header__option .md-select'
             "{display:none!important}</style>")


def mime_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if not suffix and Path(path).name.isupper():  # LICENSE, README, NOTICE
        return "text/plain"
    return MIME_TYPES.get(suffix, "application/octet-stream")


def _skipped(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return (name in SKIPPED_NAMES or name.endswith(".map") or name.startswith(".")
            or relative.startswith(SKIPPED_FOLDERS) or "/search/" in f"/{relative}")


def folder_language(relative: str, languages: Sequence[str] = LANGUAGES) -> str:
    first = relative.split("/", 1)[0]
    return first if first in languages and "/" in relative else DEFAULT_LANGUAGE


def zim_paths(site: Path, lang: str, languages: Sequence[str] = LANGUAGES) -> list[str]:
    """Site-relative paths that go into `lang`'s ZIM: its own folder's files, and the shared files at the root
    (assets) but not the English pages there; each language has its own quick-exit page."""
    paths = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = file.relative_to(site).as_posix()
        if _skipped(relative):
            continue
        owner = folder_language(relative, languages)
        shared = owner == DEFAULT_LANGUAGE and not relative.endswith(".html")
        if owner == lang or shared:
            paths.append(relative)
    return paths


def page_title(page_html: str, site_name: str) -> str:
    """The <title> without Material's " - <site name>" suffix."""
    match = re.search(r"<title>(.*?)</title>", page_html, re.S)
    title = html.unescape(match.group(1)).strip() if match else ""
    suffix = f" - {site_name}"
    return title[: -len(suffix)] if site_name and title.endswith(suffix) and title != suffix else title


def for_kiwix(page_html: str) -> str:
    """Hide what cannot work in a one-language ZIM and keep Material from starting the browser search."""
    page_html = page_html.replace('data-md-component="search"', 'data-hub-search="off"')
    return page_html.replace("</head>", ZIM_STYLE + "</head>", 1)


def png(width: int, height: int, rgba_rows: Sequence[bytes]) -> bytes:
    """A truecolour-with-alpha PNG from rows of RGBA bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + row for row in rgba_rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _cubic(p0, p1, p2, p3, steps=24):
    return [tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d
                  for a, b, c, d in zip(p0, p1, p2, p3)) for t in (i / steps for i in range(1, steps + 1))]


# The logo (docs/assets/images/logo.svg, 24x24 units) as polygons: a shield, and a person cut out of it.
_SHIELD = [(12, 2), (4, 5), (4, 11), *_cubic((4, 11), (4, 16), (7.4, 20.7), (12, 22)),
           *_cubic((12, 22), (16.6, 20.7), (20, 16), (20, 11)), (20, 5)]
_BODY = [(8.5, 17), *_cubic((8.5, 17), (8.5, 14.8), (10.1, 13), (12, 13)),
         *_cubic((12, 13), (13.9, 13), (15.5, 14.8), (15.5, 17))]
_HEAD = ((12.0, 9.0), 2.0)


def _inside(x: float, y: float, polygon) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def logo_png(size: int = 48, samples: int = 4) -> bytes:
    """The hub's logo as a square PNG (teal shield, white person, transparent around), anti-aliased."""
    scale = 24 / size
    (cx, cy), radius = _HEAD
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            shield = person = 0
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * scale
                    y = (py + (sy + 0.5) / samples) * scale
                    if _inside(x, y, _SHIELD):
                        if (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 or _inside(x, y, _BODY):
                            person += 1
                        else:
                            shield += 1
            total = samples * samples
            alpha = (shield + person) / total
            if alpha == 0:
                row += bytes(4)
                continue
            white = person / (shield + person)
            colour = [round(c + (255 - c) * white) for c in BRAND_COLOUR]
            row += bytes([*colour, round(alpha * 255)])
        rows.append(bytes(row))
    return png(size, size, rows)


def write_zim(site: Path, lang: str, target: Path, edition: Edition, *, title: str, description: str,
              site_name: str, name: str, publisher: str, illustration: bytes,
              languages: Sequence[str] = LANGUAGES) -> Path:
    """Write `target` (one language's ZIM) from the built `site`. Returns target."""
    from libzim.writer import Creator, Hint, Item, StringProvider

    class SiteItem(Item):
        def __init__(self, path: str, title: str, mimetype: str, content: bytes, front: bool, compress: bool):
            super().__init__()
            self.path, self.title, self.mimetype = path, title, mimetype
            self.content, self.front, self.compress = content, front, compress

        def get_path(self) -> str:
            return self.path

        def get_title(self) -> str:
            return self.title

        def get_mimetype(self) -> str:
            return self.mimetype

        def get_contentprovider(self):
            return StringProvider(self.content)

        def get_hints(self):
            return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.compress}

    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    main_path = f"{prefix}index.html"
    if not (site / main_path).is_file():
        raise FileNotFoundError(f"{site / main_path} is missing: build the site first")
    target.parent.mkdir(parents=True, exist_ok=True)
    with Creator(target).config_indexing(True, ISO_639_3[lang]) as creator:
        creator.set_mainpath(main_path)
        creator.add_illustration(48, illustration)
        metadata = {
            "Name": f"{name}_{lang}", "Title": title, "Description": description, "Language": ISO_639_3[lang],
            "Creator": publisher, "Publisher": publisher,
            "Date": edition.name, "Tags": "_ftindex:yes;_pictures:yes;_videos:no;_details:yes",
            "Edition": edition.describe(), "Scraper": f"{name} scripts/usb_zim.py (commit {edition.commit})",
        }
        for key, value in metadata.items():
            creator.add_metadata(key, value)
        for relative in zim_paths(site, lang, languages):
            data = (site / relative).read_bytes()
            mimetype = mime_type(relative)
            suffix = Path(relative).suffix.lower()
            title, front = "", False
            if suffix == ".html":
                text = data.decode("utf-8")
                title = page_title(text, site_name)
                front = Path(relative).name != "neutral.html"
                data = for_kiwix(text).encode("utf-8")
            creator.add_item(SiteItem(relative, title, mimetype, data, front, suffix not in COMPRESSED_ALREADY))
    return target
