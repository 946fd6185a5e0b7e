"""Directory pages: every country in every language, tel: links, escaping, RTL numbers, freshness notes."""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import phonenumbers as pn
import pytest

from scripts.directory import generate_pages
from scripts.directory_data import LANGUAGES, WORLD, digits_of, iso_codes, load_directory, load_ui
from scripts.directory_pages import Page, card_html, country_page

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
TEL = re.compile(r'<a class="dir-number" href="tel:([^"]+)">(.*?)</a>')
DANGER = re.compile(r'<div class="dir-danger" role="note"><p>(.*?)</p></div>')


@pytest.fixture(scope="module")
def pages():
    return generate_pages(ROOT, LANGUAGES, today=TODAY)


@pytest.fixture(scope="module")
def by_code():
    return load_directory(ROOT, today=TODAY)


def test_every_country_page_exists_in_every_language(pages):
    for lang in LANGUAGES:
        assert f"{lang}/directory/index.md" in pages
        assert f"{lang}/maintainers/directory-report.md" in pages
        for code in [*iso_codes(), WORLD]:
            assert f"{lang}/directory/{code.lower()}.md" in pages
    assert len(pages) == len(LANGUAGES) * (249 + 1 + 2)


def test_unknown_languages_are_skipped():
    assert generate_pages(ROOT, ["de"], today=TODAY) == {}


def test_every_country_page_has_an_emergency_tel_link_and_a_way_to_report(pages, by_code):
    for lang in LANGUAGES:
        for code in iso_codes():
            text = pages[f"{lang}/directory/{code.lower()}.md"]
            danger = DANGER.search(text).group(1)
            if "no_emergency_number" in by_code[code].data:
                assert "tel:" not in danger
            else:
                assert 'href="tel:' in danger, (lang, code)
            assert 'href="https://report.cybertip.org/"' in text, (lang, code)


def test_every_tel_link_is_a_number_from_the_data(pages, by_code):
    allowed = {}
    for code, country_file in by_code.items():
        for service in country_file.services:
            for contact in service["contacts"]:
                if "number" in contact:
                    allowed.setdefault(contact.get("region", code), set()).add(digits_of(contact["number"]))
                if "e164" in contact:
                    allowed.setdefault("+", set()).add(contact["e164"])
    for lang in ("en", "ar"):
        for code in iso_codes():
            for target, _ in TEL.findall(pages[f"{lang}/directory/{code.lower()}.md"]):
                if target.startswith("+"):
                    assert target in allowed["+"] and pn.is_valid_number(pn.parse(target, None)), target
                else:
                    assert target in allowed.get(code, set()), (code, target)


def test_arabic_numbers_and_addresses_read_left_to_right(pages):
    text = pages["ar/directory/ke.md"]
    links = TEL.findall(text)
    assert links
    for _, inner in links:
        assert inner.startswith('<bdi dir="ltr">'), inner
    for inner in re.findall(r'<a class="dir-link" href="[^"]+">(.*?)</a>', text):
        assert inner.startswith('<bdi dir="ltr">'), inner


def test_script_in_a_name_comes_out_escaped():
    page = Page(load_ui(ROOT), "en", TODAY)
    service = {"id": "ke-x", "kind": "child_helpline", "name": "<script>alert('x')</script>", "name_lang": "en",
               "description": {"en": "<b>bold</b>"}, "evidence": "sourced", "last_checked": "2026-11-22",
               "contacts": [{"channel": "phone", "number": "116"}], "sources": [], "_country": "KE"}
    html = card_html(page, service, "KE")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_old_entries_say_they_may_be_out_of_date():
    page = Page(load_ui(ROOT), "fr", TODAY)
    service = {"id": "ke-x", "kind": "emergency", "evidence": "derived", "last_checked": "2025-01-10",
               "contacts": [{"channel": "phone", "number": "999"}], "sources": [], "_country": "KE"}
    stale = html.escape(page.t("stale"))
    assert stale in card_html(page, service, "KE")
    service["last_checked"] = "2026-06-01"
    assert stale not in card_html(page, service, "KE")


def test_evidence_is_shown_in_plain_words(pages):
    ui = load_ui(ROOT)
    assert ui["evidence_derived"]["sw"] in pages["sw/directory/cz.md"]
    assert ui["evidence_sourced"]["pt"] in pages["pt/directory/cz.md"]
    assert ui["evidence_unverified"]["es"] in pages["es/directory/in.md"]
    assert ui["contact_unverified"]["en"] in pages["en/directory/gb.md"]


def test_descriptions_are_translated_and_a_missing_one_falls_back_to_english_marked_as_such(pages):
    from scripts.directory_data import load_ui
    from scripts.directory_pages import Page, text_html

    french = pages["fr/directory/ke.md"]
    assert "Kenya&#x27;s national child helpline" not in french  # data/directory-translations/fr.yaml
    assert "le centre national américain pour les enfants disparus" in french
    assert "Appelez ce numéro si un enfant est en danger" in french
    # A text with no current translation (new, or its English changed) is shown in English, marked as such.
    shown = text_html(Page(load_ui(ROOT), "fr", TODAY), {"en": "A new service."}, "p", "dir-desc")
    assert '<span lang="en" dir="ltr">A new service.</span>' in shown
    assert "description disponible en anglais seulement" in shown


def test_hours_are_shown_with_local_days_and_time_zone(pages):
    german_line = pages["en/directory/de.md"]
    assert "Mon–Sat" in german_line and "14:00–20:00" in german_line and "local time" in german_line
    assert "lun.–sam." in pages["fr/directory/de.md"]


def test_from_abroad_only_for_internationally_dialable_numbers(pages):
    estonia = pages["en/directory/ee.md"]
    assert "from abroad" in estonia and 'href="tel:+3726004434"' in estonia
    australia = pages["en/directory/au.md"]
    assert "tel:+611800551800" not in australia and "from abroad" not in australia


def test_foreign_numbers_are_international_and_local_ones_domestic(pages):
    kenya = pages["en/directory/ke.md"]
    assert 'href="tel:+18008435678"' in kenya and "(United States)" in kenya
    assert 'href="tel:18008435678"' not in kenya
    usa = pages["en/directory/us.md"]
    assert 'href="tel:18008435678"' in usa
    world = pages["en/directory/001.md"]
    assert 'href="tel:+18008435678"' in world
    assert 'href="tel:' in world and "dir-danger" in world


def test_country_names_come_from_babel_in_the_reader_language(pages):
    assert pages["fr/directory/ci.md"].startswith('---\ntitle: "Côte d’Ivoire')
    assert "# كينيا" in pages["ar/directory/ke.md"]
    assert "Ujerumani" in pages["sw/directory/de.md"]


def test_internal_links_are_markdown_links_to_md_files(pages):
    text = pages["en/directory/ke.md"]
    assert "](../get-help.md)" in text and "](index.md)" in text and "](001.md)" in text


def test_index_lists_every_country_by_region_with_an_offline_filter(pages):
    index = pages["es/directory/index.md"]
    assert '<p class="dir-filter" hidden>' in index and 'id="dir-filter-input"' in index
    assert "fetch(" not in index
    for code in iso_codes():
        assert f"]({code.lower()}.md){{: data-terms=" in index, code
    assert "{#region-002 .dir-region}" in index
    assert "kenya" in index  # English name kept as a search term


def test_report_page_counts_evidence_levels(pages):
    report = pages["en/maintainers/directory-report.md"]
    assert "| Evidence level | Entries |" in report and "`in-cybercrime`" in report


def test_country_page_without_data_still_gets_worldwide_routes(by_code):
    page = Page(load_ui(ROOT), "en", TODAY)
    text = country_page(page, "AQ", by_code)
    assert html.escape(page.t("danger_none")) in text and "report.cybertip.org" in text
