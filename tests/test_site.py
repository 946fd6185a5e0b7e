"""The built site: offline, six languages, safety features, per-language search, no JavaScript needed."""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, lang_root

RTL = {"ar"}
# Elements whose address is fetched automatically when a page loads: none of them may leave the site.
FETCHED = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
           ("source", "srcset"), ("audio", "src"), ("video", "src"), ("video", "poster"), ("embed", "src"),
           ("object", "data"), ("track", "src"), ("image", "href"), ("use", "href")}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class PageScan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []
        self.ids: set[str] = set()
        self.duplicate_ids: set[str] = set()
        self.html_attrs: dict = {}
        self.inline_urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if attrs.get("id"):
            if attrs["id"] in self.ids:
                self.duplicate_ids.add(attrs["id"])
            self.ids.add(attrs["id"])
        for name in ("src", "href", "srcset", "poster", "data", "xlink:href"):
            value = attrs.get(name)
            if value and (tag, name.replace("xlink:", "")) in FETCHED:
                if tag == "link" and (attrs.get("rel") or "") in ("canonical", "alternate"):
                    continue  # not fetched by the browser
                self.fetched.append(value)
        if attrs.get("style") and "url(" in attrs["style"]:
            self.inline_urls.append(attrs["style"])


def site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "neutral.html")


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES else "en"


def test_every_page_is_offline_safe_and_has_quick_exit_lang_and_dir(site_dir):
    pages = site_pages(site_dir)
    assert len(pages) >= 6 * 3
    problems = []
    for page in pages:
        found = scan(page)
        rel = page.relative_to(site_dir)
        for url in found.fetched:
            if EXTERNAL.match(url) or url.startswith(("http:", "https:")):
                problems.append(f"{rel}: loads {url}")
        if found.duplicate_ids:
            problems.append(f"{rel}: duplicate ids {sorted(found.duplicate_ids)}")
        if "quick-exit" not in found.ids:
            problems.append(f"{rel}: no quick exit")
        if "get-help-now" not in found.ids:
            problems.append(f"{rel}: no 'Get help now' link")
        lang = language_of(site_dir, page)
        if found.html_attrs.get("lang") != lang:
            problems.append(f"{rel}: <html lang={found.html_attrs.get('lang')!r}>, expected {lang!r}")
        if found.html_attrs.get("dir") != ("rtl" if lang in RTL else "ltr"):
            problems.append(f"{rel}: <html dir={found.html_attrs.get('dir')!r}>")
    assert not problems, "\n".join(problems[:50])


def test_no_third_party_addresses_in_styles_and_scripts(site_dir):
    """Stylesheets import nothing from elsewhere; our own and vendored scripts name no outside address.

    (Material's bundle contains code paths for Google Fonts and analytics that our configuration switches off; the
    browser tests block and fail on any request that actually leaves the site.)"""
    external_css = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])(?:https?:)?//", re.I)
    problems = [str(p.relative_to(site_dir)) for p in site_dir.rglob("*.css")
                if external_css.search(p.read_text(encoding="utf-8", errors="replace"))]
    ours = [site_dir / "assets" / "javascripts", site_dir / "assets" / "vendor"]
    for folder in ours:
        for path in folder.rglob("*.js"):
            if "lunr" in path.parts or "workers" in path.parts or path.name.startswith("bundle."):
                continue
            if re.search(r"https?://|['\"]//[a-z]", path.read_text(encoding="utf-8", errors="replace")):
                problems.append(str(path.relative_to(site_dir)))
    assert not problems, problems


def test_pages_set_no_cookies_and_load_no_analytics(site_dir):
    for page in site_pages(site_dir):
        text = page.read_text(encoding="utf-8")
        assert "document.cookie" not in text, page
        assert "gtag(" not in text and "google-analytics" not in text, page


def test_each_language_has_own_site_name_and_home(site_dir):
    names = set()
    for lang in LANGUAGES:
        home = (lang_root(site_dir, lang) / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", home, re.S).group(1)
        names.add(title)
        assert 'class="hub-tagline"' in home
        assert 'class="hub-fallback-notice"' not in home, f"{lang} home page is not translated"
    assert len(names) == len(LANGUAGES), names


def test_search_index_per_language(site_dir):
    import json

    for lang in LANGUAGES:
        index = json.loads((lang_root(site_dir, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["docs"], f"{lang}: empty search index"
        for doc in index["docs"]:
            # Locations are relative to the language root and must exist there.
            target = lang_root(site_dir, lang) / doc["location"].split("#")[0]
            assert target.exists(), f"{lang}: {doc['location']}"
            assert not doc["location"].startswith(tuple(f"{other}/" for other in LANGUAGES)), doc["location"]
        script = (lang_root(site_dir, lang) / "search" / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_linkchecker_offline_with_anchors(site_dir, lang):
    """Every file: link and #anchor reachable from the language's home page exists (warnings fail too)."""
    linkchecker = str(Path(sys.executable).with_name("linkchecker"))
    assert Path(linkchecker).exists(), "linkchecker missing: run `make test-deps`"
    root = lang_root(site_dir, lang).as_uri() + "/"
    if lang == "en":  # the English site sits at the root: check links into other languages, don't crawl them
        others = "|".join(other for other in LANGUAGES if other != "en")
        stay = f"^{re.escape(site_dir.as_uri())}/({others})/"
    else:
        stay = f"^(?!{re.escape(root)})"
    result = subprocess.run(
        [linkchecker, "-f", str(Path(__file__).with_name("linkcheckerrc")), "--no-robots",
         f"--no-follow-url={stay}", root + "index.html"],
        capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, f"{lang}: linkchecker found problems:\n{result.stdout[-5000:]}"
    assert " 0 errors found" in result.stdout and " 0 warnings found" in result.stdout, result.stdout[-2000:]


def test_swahili_theme_strings_are_translated():
    import material

    templates = Path(material.__file__).parent / "templates" / "partials" / "languages"
    pattern = re.compile(r'"([\w.]+)": "((?:[^"\\]|\\.)*)"')
    english = dict(pattern.findall((templates / "en.html").read_text(encoding="utf-8")))
    swahili = dict(pattern.findall((Path(__file__).parent.parent / "overrides" / "partials" / "languages" / "sw.html")
                                   .read_text(encoding="utf-8")))
    assert set(english) <= set(swahili), f"missing keys: {sorted(set(english) - set(swahili))}"
    same = [k for k in english if swahili[k] == english[k] and not k.startswith("search.config.") and k != "direction"]
    assert not same, f"Swahili strings still in English: {same}"
