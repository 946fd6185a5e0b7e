"""The USB edition built from the real site with a throwaway key: layout, signature, ZIMs, start page, safety."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from scripts import minisign, usb_bundle, verify_bundle
from scripts.edition import current_edition
from scripts.usb_text import TEXT
from scripts.usb_zim import ISO_639_3, for_kiwix, logo_png, mime_type, zim_paths
from tests.conftest import LANGUAGES, ROOT

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"


@pytest.fixture(scope="module")
def signing_key() -> minisign.SecretKey:
    return minisign.generate_key()


@pytest.fixture(scope="module")
def built(site_dir, signing_key, tmp_path_factory) -> usb_bundle.Bundle:
    dist = tmp_path_factory.mktemp("dist")
    return usb_bundle.build_bundle(site_dir, dist, signing_key)


@pytest.fixture(scope="module")
def public_key_file(built, signing_key, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("key") / "test.pub"
    path.write_text(minisign.public_key_text(signing_key.public), encoding="utf-8")
    return path


# --- layout --------------------------------------------------------------------------------------------------------

def test_bundle_layout(built):
    usb = built.folder
    for name in ("START-HERE.html", "README.txt", "SHA256SUMS", "SHA256SUMS.minisig", "keys/hub-edition.pub",
                 "tools/verify_bundle.py", "site/index.html", "site/fr/index.html", "site/ar/index.html"):
        assert (usb / name).is_file(), name
    month = current_edition(ROOT).month
    zims = sorted(p.name for p in (usb / "kiwix").iterdir())
    assert zims == sorted(f"{usb_bundle.NAME}_{lang}_{month}.zim" for lang in LANGUAGES)
    assert not list(usb.parent.glob(".usb.*")), "no staging folder is left behind"
    assert not (usb / "site" / ".built").exists()


def test_zip_holds_the_same_bundle(built):
    top = f"{usb_bundle.NAME}-{built.edition.name}/"
    assert built.zip_path.name == f"{usb_bundle.NAME}-{built.edition.name}.zip"
    with zipfile.ZipFile(built.zip_path) as archive:
        names = set(archive.namelist())
        expected = {top + name for name in verify_bundle.bundle_files(built.folder)}
        expected |= {top + "SHA256SUMS", top + "SHA256SUMS.minisig"}
        assert names == expected
        assert archive.read(top + "SHA256SUMS") == (built.folder / "SHA256SUMS").read_bytes()
        assert archive.testzip() is None


def test_bundle_within_budget(built):
    from scripts.bench import BUNDLE_BUDGET_BYTES, bundle_parts, bundle_report

    parts = bundle_parts(built.folder)
    sizes = {name: sum(size for _, size in files) for name, files in parts.items()}
    assert sum(sizes.values()) <= BUNDLE_BUDGET_BYTES
    # The ZIMs compress the pages; the kit's PDFs are compressed already, so they weigh the same in both.
    assert sizes["ZIMs"] < sizes["site"], "the ZIMs should be smaller than the site"
    report = bundle_report(built.folder)
    assert "within the 150 MB budget" in report and "largest files:" in report


# --- signature -----------------------------------------------------------------------------------------------------

def test_sums_cover_every_file(built):
    sums = verify_bundle.parse_sums((built.folder / "SHA256SUMS").read_text(encoding="utf-8"))
    assert set(sums) == set(verify_bundle.bundle_files(built.folder))
    assert "kiwix/" + f"{usb_bundle.NAME}_ar_{built.edition.month}.zim" in sums


def test_our_checker_passes_the_bundle(built, public_key_file, capsys):
    assert verify_bundle.main([str(built.folder), "--key", str(public_key_file)]) == 0
    out = capsys.readouterr().out
    assert built.edition.describe() in out


def test_checker_on_the_stick_runs_on_its_own(built):
    """tools/verify_bundle.py, run by a bare python from the stick's folder, uses the stick's key."""
    result = subprocess.run([sys.executable, "-I", "tools/verify_bundle.py", "."], cwd=built.folder,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "intact copy" in result.stdout and "stored on this copy" in result.stdout


def test_checker_fails_a_copy_with_a_changed_page(built, public_key_file, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(built.folder, copy)
    page = copy / "site" / "fr" / "get-help.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>changed</p></body>"))
    assert verify_bundle.main([str(copy), "--key", str(public_key_file)]) == 1
    assert "modified: site/fr/get-help.html" in capsys.readouterr().out


def test_debian_minisign_verifies_the_bundle(built, public_key_file):
    if not Path(MINISIGN).exists():
        pytest.fail(f"{MINISIGN} not found: run `make test-deps` (installs Debian's minisign)")
    result = subprocess.run([MINISIGN, "-Vm", "SHA256SUMS", "-p", str(public_key_file)], cwd=built.folder,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert built.edition.name in result.stdout
    sums = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=built.folder, capture_output=True,
                          text=True)
    assert sums.returncode == 0, sums.stdout[-2000:]


def test_bundle_carries_the_signing_public_key(built, signing_key):
    key = verify_bundle.parse_public_key((built.folder / "keys" / "hub-edition.pub").read_text(encoding="utf-8"))
    assert key == signing_key.public
    readme = (built.folder / "README.txt").read_text(encoding="utf-8-sig")
    assert readme.count(signing_key.public.base64()) >= 2 * len(LANGUAGES)


# --- failure leaves the old bundle ----------------------------------------------------------------------------------

def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_run_leaves_the_previous_bundle_untouched(site_dir, signing_key, tmp_path, monkeypatch):
    dist = tmp_path / "dist"
    old = dist / "usb"
    (old / "site").mkdir(parents=True)
    (old / "site" / "index.html").write_text("previous edition", encoding="utf-8")
    (old / "SHA256SUMS").write_text("previous sums", encoding="utf-8")
    edition = current_edition(ROOT)
    old_zip = dist / f"{usb_bundle.NAME}-{edition.name}.zip"
    old_zip.write_bytes(b"previous zip")
    before = tree(dist)

    def broken_signing(folder, key, edition):  # fails late: site copied, ZIMs written
        assert (folder / "site" / "index.html").is_file() and any((folder / "kiwix").iterdir())
        raise OSError("disk full")

    monkeypatch.setattr(usb_bundle, "sign_bundle", broken_signing)
    with pytest.raises(OSError, match="disk full"):
        usb_bundle.build_bundle(site_dir, dist, signing_key, edition)
    assert tree(dist) == before
    assert sorted(p.name for p in dist.iterdir()) == sorted(["usb", old_zip.name])


def test_incomplete_site_is_refused_and_nothing_changes(tmp_path, signing_key):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("only English", encoding="utf-8")
    dist = tmp_path / "dist"
    with pytest.raises(usb_bundle.BundleError, match=r"missing fr/index.html.*make site"):
        usb_bundle.build_bundle(site, dist, signing_key)
    assert list(dist.iterdir()) == []


def test_main_without_key_explains_and_keeps_the_bundle(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(usb_bundle.KEY_TEXT_ENV, raising=False)
    monkeypatch.setenv(usb_bundle.KEY_ENV, str(tmp_path / "no-such.key"))
    (tmp_path / "dist" / "usb").mkdir(parents=True)
    assert usb_bundle.main(["--site", str(tmp_path / "site"), "--dist", str(tmp_path / "dist")]) == 1
    err = capsys.readouterr().err
    assert "was left as it was" in err and "HUB_SIGNING_KEY" in err
    assert (tmp_path / "dist" / "usb").is_dir()


# --- signing key ---------------------------------------------------------------------------------------------------

def test_signing_key_sources(tmp_path, signing_key):
    text = minisign.secret_key_text(signing_key)
    assert usb_bundle.load_signing_key({usb_bundle.KEY_TEXT_ENV: text}, ROOT) == signing_key
    path = tmp_path / "hub.key"
    path.write_text(text, encoding="utf-8")
    assert usb_bundle.load_signing_key({usb_bundle.KEY_ENV: str(path)}, ROOT) == signing_key
    with pytest.raises(usb_bundle.BundleError, match="no signing key"):
        usb_bundle.load_signing_key({usb_bundle.KEY_ENV: str(tmp_path / "missing.key")}, ROOT)
    with pytest.raises(usb_bundle.BundleError, match="inside the repository"):
        usb_bundle.load_signing_key({usb_bundle.KEY_ENV: str(path)}, tmp_path)
    with pytest.raises(usb_bundle.BundleError, match="not a minisign secret key"):
        usb_bundle.load_signing_key({usb_bundle.KEY_TEXT_ENV: "nonsense"}, ROOT)


def test_committed_public_key_is_a_minisign_key():
    key = verify_bundle.parse_public_key((ROOT / "keys" / "hub-edition.pub").read_text(encoding="utf-8"))
    assert len(key.key) == 32 and len(key.key_id) == 16


# --- ZIM files -----------------------------------------------------------------------------------------------------

def zim_path(built, lang: str) -> Path:
    return built.folder / "kiwix" / usb_bundle.zim_name(lang, built.edition)


def module_pages(site: Path, lang: str) -> list[str]:
    prefix = "" if lang == "en" else f"{lang}/"
    return sorted(p.relative_to(site).as_posix() for p in (site / prefix / "parents").glob("*.html")
                  if p.name != "index.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zim_opens_with_metadata_and_main_entry(built, lang):
    from libzim.reader import Archive

    archive = Archive(zim_path(built, lang))
    assert archive.check()
    assert archive.has_main_entry
    main = archive.main_entry.get_item()
    assert main.path == ("index.html" if lang == "en" else f"{lang}/index.html")
    assert main.mimetype == "text/html"

    def meta(name: str) -> str:
        return archive.get_metadata(name).decode("utf-8")

    assert meta("Language") == ISO_639_3[lang]
    assert meta("Title") == TEXT[lang]["zim_title"] and len(meta("Title")) <= 30
    assert meta("Description") == TEXT[lang]["zim_description"] and len(meta("Description")) <= 80
    assert meta("Creator") and meta("Publisher")
    assert meta("Date") == built.edition.name
    assert meta("Name") == f"{usb_bundle.NAME}_{lang}"
    assert built.edition.commit in meta("Edition")
    assert archive.has_illustration(48)
    png = bytes(archive.get_illustration_item(48).content)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and struct.unpack(">II", png[16:24]) == (48, 48)
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zim_search_finds_a_module_by_a_word_of_its_title(built, site_dir, lang):
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    archive = Archive(zim_path(built, lang))
    pages = module_pages(site_dir, lang)
    assert pages, f"{lang}: no module pages under parents/"
    path = pages[0]
    title = archive.get_entry_by_path(path).title
    words = sorted((w for w in re.findall(r"\w{5,}", title) if not w.isdigit()), key=len, reverse=True)
    assert words, f"{lang}: {path} has no searchable word in its title {title!r}"
    search = Searcher(archive).search(Query().set_query(words[0]))
    found = list(search.getResults(0, 50))
    assert path in found, f"{lang}: searching {words[0]!r} (from {title!r}) found {found[:10]}"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.fetched.append(attrs["href"])
        elif tag == "a" and attrs.get("href"):
            self.anchors.append(attrs["href"])


def resolve(base: str, ref: str) -> str | None:
    """The ZIM path a relative reference points to, or None for external and in-page links."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    stack = base.split("/")[:-1]
    for piece in unquote(parts.path).split("/"):
        if piece == "..":
            stack = stack[:-1]
        elif piece not in (".", ""):
            stack.append(piece)
    return "/".join(stack)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zim_links_stay_inside_the_zim(built, site_dir, lang):
    from libzim.reader import Archive

    archive = Archive(zim_path(built, lang))
    others = tuple(f"{other}/" for other in LANGUAGES if other not in ("en", lang))
    paths = zim_paths(site_dir, lang)
    assert not [p for p in paths if p.startswith(others)], "another language's pages are in the ZIM"
    broken = set()
    for path in (p for p in paths if p.endswith(".html")):
        item = archive.get_entry_by_path(path).get_item()
        assert item.mimetype == "text/html"
        parser = Links()
        parser.feed(bytes(item.content).decode("utf-8"))
        for ref in parser.fetched:
            target = resolve(path, ref)
            if target is not None and not archive.has_entry_by_path(target):
                broken.add(f"{path} loads {ref}")
        for ref in parser.anchors:
            target = resolve(path, ref)
            if target is None or archive.has_entry_by_path(target):
                continue
            other_language = target.startswith(others) or (lang != "en" and not target.startswith(f"{lang}/"))
            if not other_language:  # the language switcher (hidden in the ZIM) may point elsewhere
                broken.add(f"{path} links to {ref}")
    assert not broken, sorted(broken)[:20]


def test_zim_mime_types_and_kiwix_changes():
    assert mime_type("a/b.css") == "text/css"
    assert mime_type("a/b.js") == "application/javascript"
    assert mime_type("x.svg") == "image/svg+xml"
    assert mime_type("assets/vendor/x/LICENSE") == "text/plain"
    page = '<html><head><title>T</title></head><body><div class="md-search" data-md-component="search"></div>'
    changed = for_kiwix(page)
    assert 'data-md-component="search"' not in changed and 'id="hub-zim"' in changed


def test_logo_png_is_a_valid_image():
    png = logo_png(48)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (48, 48)
    assert png.endswith(b"IEND\xaeB`\x82")


# --- START-HERE.html and README.txt --------------------------------------------------------------------------------

def test_start_page_is_self_contained(built):
    page = (built.folder / "START-HERE.html").read_text(encoding="utf-8")
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page), "the start page must not load anything external"
    for lang in LANGUAGES:
        href = "site/index.html" if lang == "en" else f"site/{lang}/index.html"
        assert f'href="{href}"' in page and (built.folder / href).is_file()
    assert '<li lang="ar" dir="rtl"' in page
    assert built.edition.name in page


def test_start_page_reaches_every_language_home(offline_page, built):
    start = (built.folder / "START-HERE.html").as_uri()
    for lang in LANGUAGES:
        offline_page.goto(start)
        offline_page.locator(f"a.open[hreflang='{lang}']").click()
        home = built.folder / ("site/index.html" if lang == "en" else f"site/{lang}/index.html")
        offline_page.wait_for_url(home.as_uri())
        assert offline_page.evaluate("document.documentElement.lang") == lang
        assert offline_page.locator(".hub-edition").count() == 1


def test_start_page_works_without_javascript(nojs_page, built):
    nojs_page.goto((built.folder / "START-HERE.html").as_uri())
    nojs_page.locator("a.open[hreflang='sw']").click()
    nojs_page.wait_for_url((built.folder / "site" / "sw" / "index.html").as_uri())


def test_readme_in_six_languages_for_any_editor(built, signing_key):
    raw = (built.folder / "README.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM so old Windows Notepad reads UTF-8"
    assert b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends so old Windows Notepad shows lines"
    text = raw.decode("utf-8-sig")
    for lang in LANGUAGES:
        assert TEXT[lang]["readme"].splitlines()[0].split("{")[0].strip() in text, lang
        assert usb_bundle.zim_name(lang, built.edition) in text
    assert "python3 tools/verify_bundle.py ." in text and "minisign -Vm SHA256SUMS -P " in text
    assert signing_key.public.key_id in text


def test_texts_match_the_site_and_have_every_field():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    languages = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]
    names = {entry["locale"]: entry.get("site_name", config["site_name"]) for entry in languages}
    descriptions = {entry["locale"]: entry.get("site_description", config["site_description"]) for entry in languages}
    for lang in LANGUAGES:
        assert set(TEXT[lang]) == set(TEXT["en"]), lang
        assert TEXT[lang]["hub"] == names[lang], f"{lang}: hub name differs from mkdocs.yml"
        assert TEXT[lang]["tagline"].replace("\u00a0", " ") == descriptions[lang], f"{lang}: tagline differs"
        assert "kiwix/{zim}" in TEXT[lang]["kiwix"] and "{edition}" in TEXT[lang]["edition"], lang
        for placeholder in ("{edition}", "{commit}", "{key}", "{key_id}", "{zim}"):
            assert placeholder in TEXT[lang]["readme"], f"{lang} README lacks {placeholder}"
