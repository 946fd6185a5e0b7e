"""The printable workshop kit: PDFs open, are in their language with every glyph drawn, stay small; pages link them."""
from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path

import pytest

from scripts import kit, kit_common, kit_pdf
from scripts.errors import ContentError
from tests.conftest import LANGUAGES, ROOT, lang_root

TRANSLATED = LANGUAGES[1:]


@cache
def project():
    from scripts.modules import load_valid_project

    return load_valid_project(ROOT / "modules")


@cache
def ui():
    return project().ui


def pdf(site: Path, relative: str):
    from pypdf import PdfReader

    path = site / relative
    assert path.is_file(), f"{relative} is missing"
    return PdfReader(io.BytesIO(path.read_bytes())), path.stat().st_size


def text_of(reader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def fonts_of(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for font in (fonts.get_object().values() if fonts else []):
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def words(text: str) -> list[str]:
    """Words of a title, without markup, for finding it in extracted PDF text."""
    plain = re.sub(r"\[\[[^\]|]*\|([^\]]*)\]\]|\[\[([^\]]*)\]\]|\*\*", lambda m: m.group(1) or m.group(2) or "", text)
    return [w for w in re.findall(r"\w+", plain) if len(w) > 2]


# --- the PDF engine --------------------------------------------------------------------------------------------------


def test_missing_glyphs_stop_the_build_with_the_document_named(tmp_path):
    documents = {"xx/kit/handouts/a.pdf": "<html><body><p>ሰላም Hello</p></body></html>"}
    with pytest.raises(ContentError) as error:
        kit_pdf.render_all(documents, {"xx/kit/handouts/a.pdf": ""}, cache_dir=tmp_path)
    message = str(error.value)
    assert "xx/kit/handouts/a.pdf" in message and "U+1230" in message


def test_every_script_the_kit_uses_is_covered():
    covered = kit_pdf.covered_characters()
    for sample in ("Éé àç ñ ãõ", "مواد الاعتداء الجنسي على الأطفال", "→", "ชายแดน"[:2], "イセタ", "상소"):
        assert all(c in covered for c in sample if not c.isspace()), sample


def test_pdfs_are_cached_by_content(tmp_path):
    documents = {"a.pdf": "<html><body><h1>One</h1></body></html>", "b.pdf": "<html><body><h1>Two</h1></body></html>"}
    css = {name: "" for name in documents}
    first, rendered = kit_pdf.render_all(documents, css, cache_dir=tmp_path, workers=1)
    assert rendered == 2 and first["a.pdf"].startswith(b"%PDF")
    again, rendered = kit_pdf.render_all(documents, css, cache_dir=tmp_path, workers=1)
    assert rendered == 0 and again == first
    documents["b.pdf"] = "<html><body><h1>Two, changed</h1></body></html>"
    _, rendered = kit_pdf.render_all(documents, css, cache_dir=tmp_path, workers=1)
    assert rendered == 1
    kit_pdf.prune_cache([kit_pdf.cache_key(documents["b.pdf"], "")], cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_handout_html_is_escaped_and_uses_the_module_data():
    module = project().module("parents-grooming")
    html = kit.handout_html(module, "fr", ui(), "2026-11-22")
    text = module.texts["fr"]
    assert '<html lang="fr" dir="ltr">' in html
    assert "[[" not in html and "[@" not in html and "**" not in html
    for action in text["handout"]["actions"]:
        assert kit_common.plain_html(action, kit.sources_of(module)) in html
    assert "2026-11-22" in html


# --- the built site --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_open_are_short_and_in_their_language(site_dir, lang):
    for module in project().modules:
        reader, size = pdf(site_dir, kit_common.handout_path(module.id, lang))
        assert 1 <= len(reader.pages) <= 2, (module.id, lang, len(reader.pages))
        assert size <= 500 * 1024, (module.id, lang, size)
        text = text_of(reader)
        title = module.texts[lang]["title"]
        missing = [w for w in words(title) if w not in text]
        assert not missing, f"{module.id} {lang}: title words {missing} not in the PDF text (logical order)"
        assert all("Noto" in name for name in fonts_of(reader)), fonts_of(reader)
        assert reader.metadata.title == title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_facilitator_guides_have_contents_with_page_numbers_and_every_module(site_dir, lang):
    for audience in kit.AUDIENCES:
        reader, _ = pdf(site_dir, kit_common.guide_path(audience, lang))
        assert len(reader.pages) > 10
        text = text_of(reader)
        assert " ".join(ui()["guide_contents"][lang].split()) in text
        for module in project().modules_for(audience):
            assert all(w in text for w in words(module.texts[lang]["title"])), (audience, lang, module.id)
        contents = " ".join((reader.pages[1].extract_text() or "").split())
        assert re.search(r"\d+\s*$", contents), "the contents page ends with a page number"
        answers = ui()["guide_answers"][lang]
        assert all(w in text for w in words(answers))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_certificates_are_one_landscape_page_with_a_blank_name(site_dir, lang):
    for audience in kit.AUDIENCES:
        reader, _ = pdf(site_dir, kit_common.certificate_path(audience, lang))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert box.width > box.height
        text = text_of(reader)
        assert all(w in text for w in words(ui()["certificate_title"][lang]))
        assert all(w in text for w in words(ui()["certificate_name"][lang]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_cards_exist_for_every_country_on_one_page(site_dir, lang):
    from scripts.directory_data import WORLD, iso_codes

    for code in [*iso_codes(), WORLD, "blank"]:
        reader, size = pdf(site_dir, kit_common.help_card_path(code, lang))
        assert len(reader.pages) == 1, (code, lang)
        assert size < 300 * 1024


def test_help_card_has_numbers_qr_codes_dates_and_edition(site_dir):
    from scripts.edition import load_editions

    edition = load_editions(ROOT)[0].edition
    reader, _ = pdf(site_dir, kit_common.help_card_path("KE", "sw"))
    text = text_of(reader)
    assert "116" in text and "999" in text and edition in text
    assert "Kenya" in text
    html = kit.help_card_html(_directory_page("sw"), "KE", _directory(), edition)
    assert "<svg" in html  # QR codes to the reporting pages


def test_arabic_pdfs_keep_arabic_in_logical_order(site_dir):
    module = project().module("parents-grooming")
    reader, _ = pdf(site_dir, kit_common.handout_path(module.id, "ar"))
    text = text_of(reader)
    title = module.texts["ar"]["title"]
    first_words = words(title)[:3]
    positions = [text.find(w) for w in first_words]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), (first_words, positions)
    assert any("Arabic" in name for name in fonts_of(reader))


@cache
def _directory():
    from scripts import directory_data, i18n

    by_code = directory_data.load_directory(ROOT)
    i18n.apply_directory_texts(ROOT, by_code, LANGUAGES)
    return by_code


def _directory_page(lang):
    import datetime as dt

    from scripts.directory_data import load_ui
    from scripts.directory_pages import Page

    return Page(load_ui(ROOT), lang, dt.date.today())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_module_pages_link_their_handout_slides_guide_and_certificate(site_dir, lang):
    root = lang_root(site_dir, lang)
    for module in project().modules:
        page = root / module.audience / f"{module.slug}.html"
        html = page.read_text(encoding="utf-8")
        targets = {(page.parent / href).resolve() for href in re.findall(r'<div class="module-kit">.*?</div>', html, re.S)
                   and re.findall(r'href="([^"]+)"', re.search(r'<div class="module-kit">.*?</div>', html, re.S).group(0))}
        expected = {site_dir / kit_common.handout_path(module.id, lang), site_dir / kit_common.slides_path(module.id, lang),
                    site_dir / kit_common.guide_path(module.audience, lang),
                    site_dir / kit_common.certificate_path(module.audience, lang)}
        assert {p.resolve() for p in expected} <= targets, (lang, module.id)
        block = re.search(r'<div class="module-kit">.*?</div>', html, re.S).group(0)
        assert "\\" not in block, "link labels are HTML, not Markdown: no escaping backslashes"
        assert all(p.is_file() for p in targets)


def test_slide_decks_show_the_edition_on_every_slide(site_dir):
    from scripts.edition import load_editions

    edition = load_editions(ROOT)[0].edition
    for lang in LANGUAGES:
        for module in project().modules:
            deck = (site_dir / kit_common.slides_path(module.id, lang)).read_text(encoding="utf-8")
            assert deck.count(f'<bdi dir="ltr">{edition}</bdi>') == deck.count('<section class="slide'), (lang, module.id)


def test_catalog_lists_every_handout_and_slide_deck(site_dir):
    catalog = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog["modules"]) == len(project().modules)
    for entry in catalog["modules"]:
        assert set(entry["handout_pdf"]) == set(LANGUAGES), entry["id"]
        for lang, path in entry["handout_pdf"].items():
            assert (site_dir / path).is_file() and path.endswith(".pdf")
        for lang, path in entry["slides"].items():
            assert (site_dir / path).is_file()


def test_country_pages_link_their_help_card(site_dir):
    for lang in LANGUAGES:
        page = lang_root(site_dir, lang) / "directory" / "ke.html"
        href = re.search(r'href="([^"]+ke\.pdf)"', page.read_text(encoding="utf-8")).group(1)
        assert (page.parent / href).resolve() == (site_dir / kit_common.help_card_path("KE", lang)).resolve()
        index = (lang_root(site_dir, lang) / "directory" / "index.html").read_text(encoding="utf-8")
        assert "help-cards/blank.pdf" in index


def test_print_stylesheet_hides_navigation_and_prints_addresses(offline_page, site_dir):
    page = offline_page
    page.goto((site_dir / "parents" / "grooming.html").as_uri())
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.hub-safety', '.md-sidebar--primary', '.md-footer']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and all(value == "none" for value in hidden), hidden
    after = page.evaluate("""() => {
        const link = [...document.querySelectorAll('.md-typeset a[href^="http"]')][0];
        return link ? getComputedStyle(link, '::after').content : null; }""")
    assert after and "http" in after
