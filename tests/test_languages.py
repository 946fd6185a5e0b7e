"""Translated pages are really in their language (lingua), so a page left in English or pasted in the wrong
language fails. Every page of every language is checked except the maintainers' reports (file names and codes)."""
from __future__ import annotations

import re
from functools import cache

import pytest

from tests.conftest import LANGUAGES, lang_root

TAG = re.compile(r"<[^>]+>")


@cache
def detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE, Language.ARABIC,
                 Language.SWAHILI]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def main_text(html: str) -> str:
    article = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    body = article.group(1) if article else html
    body = re.sub(r"<(script|style|code|pre)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(TAG.sub(" ", body).split())


def translated_pages(site, lang):
    for page in sorted(lang_root(site, lang).rglob("*.html")):
        if page.name in ("404.html", "neutral.html") or page.parent.name == "maintainers":
            continue
        yield page, page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_translated_pages_are_in_their_language(site_dir, lang):
    from lingua import IsoCode639_1

    expected = IsoCode639_1.from_str(lang)
    checked, wrong = 0, []
    for page, html in translated_pages(site_dir, lang):
        detected = detector().detect_language_of(main_text(html))
        if detected is None or detected.iso_code_639_1 != expected:
            wrong.append(f"{page.relative_to(site_dir)} reads as {detected}")
        checked += 1
    assert not wrong, f"expected {lang}:\n" + "\n".join(wrong)
    assert checked >= 300, f"{lang}: expected every module, workshop, glossary and directory page; got {checked}"


def test_detector_notices_english_text():
    english = "If a child is in danger right now, call your local emergency number and report the web address."
    assert detector().detect_language_of(english).iso_code_639_1.name == "EN"
