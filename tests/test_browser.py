"""Real-browser checks (Debian chromium via Playwright) over file:// with every non-file request blocked."""
from __future__ import annotations

import json
import re

import pytest

from tests.conftest import AXE, LANGUAGES, lang_root, run_axe


def open_page(page, site_dir, lang, name="index.html"):
    page.goto((lang_root(site_dir, lang) / name).as_uri())
    return page


def home_query(site_dir, lang):
    """A word from the language's own home page title, to search for."""
    index = json.loads((lang_root(site_dir, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    home = next(d for d in index["docs"] if d["location"] == "index.html")
    text = re.sub(r"<[^>]+>", " ", home["text"])
    words = sorted({w for w in re.findall(r"\w{6,}", text) if not w.isdigit()}, key=len, reverse=True)
    assert words, f"{lang}: no searchable words on the home page"
    return words[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_only_this_languages_pages(offline_page, site_dir, lang):
    page = open_page(offline_page, site_dir, lang)
    query = home_query(site_dir, lang)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    results = page.locator("a.md-search-result__link")
    results.first.wait_for(timeout=15000)
    root = lang_root(site_dir, lang).as_uri() + "/"
    hrefs = [results.nth(i).evaluate("a => a.href") for i in range(results.count())]
    assert hrefs
    others = [f"/{other}/" for other in LANGUAGES if other not in ("en", lang)]
    for href in hrefs:
        assert href.startswith(root), f"{lang}: result outside the language: {href}"
        assert not any(o in href[len(root) - 1:] for o in others), f"{lang}: result in another language: {href}"


def test_language_switcher_keeps_the_page(offline_page, site_dir):
    page = open_page(offline_page, site_dir, "fr", "browsing-safely.html")
    for lang in LANGUAGES:
        link = page.locator(f"a.md-select__link[hreflang='{lang}']")
        target = link.evaluate("a => a.href")
        expected = (lang_root(site_dir, lang) / "browsing-safely.html").as_uri()
        assert target == expected, f"switcher to {lang}: {target}"
    page.locator("a.md-select__link[hreflang='es']").evaluate("a => a.click()")
    page.wait_for_url("**/es/browsing-safely.html")


def fresh_tab(browser, url):
    """A new tab opened straight at `url`, so its history holds exactly one entry (as when a reader opens it)."""
    context = browser.new_context()
    opener = context.new_page()
    opener.goto(url)  # file:// pages may only be opened from another file:// page
    with context.expect_page() as popup:
        opener.evaluate("url => window.open(url)", url)
    page = popup.value
    page.wait_for_load_state()
    assert page.evaluate("history.length") == 1
    return context, page


def test_quick_exit_replaces_the_page(browser, site_dir):
    context, page = fresh_tab(browser, (site_dir / "get-help.html").as_uri())
    page.click("#quick-exit")
    page.wait_for_url("**/neutral.html")
    assert page.evaluate("history.length") == 1, "Back would return to the site"
    assert "Child" not in page.title() and "help" not in page.content().lower()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quick_exit_keyboard_shortcut(browser, site_dir, lang):
    context, page = fresh_tab(browser, (lang_root(site_dir, lang) / "index.html").as_uri())
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("**/neutral.html")
    assert page.evaluate("history.length") == 1
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_readable_and_navigable_without_javascript(nojs_page, site_dir, lang):
    page = open_page(nojs_page, site_dir, lang)
    article = page.locator("article.md-content__inner")
    assert len(article.inner_text().strip()) > 300
    nav_links = page.locator("nav.md-nav--primary a.md-nav__link")
    assert nav_links.count() >= 3
    assert page.locator("#quick-exit").is_visible()
    # Following a navigation link works without scripts.
    page.locator("#get-help-now").click()
    page.wait_for_url("**/get-help.html")
    assert page.locator("h1").count() == 1


def test_storage_stays_empty(offline_page, site_dir):
    page = open_page(offline_page, site_dir, "en")
    page.locator("input.md-search__input").click()
    page.keyboard.type("help", delay=20)
    page.wait_for_timeout(500)
    stored = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""], stored


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_axe(make_offline_page, site_dir, lang, scheme):
    assert AXE.exists(), "axe-core missing: run `make test-deps`"
    problems = []
    for name in ("index.html", "browsing-safely.html"):
        page = make_offline_page(color_scheme=scheme)
        open_page(page, site_dir, lang, name)
        problems += [f"{lang}/{name} [{scheme}]: {p}" for p in run_axe(page)]
    assert not problems, "\n".join(problems)


def test_arabic_phone_number_renders_left_to_right(offline_page, site_dir):
    page = open_page(offline_page, site_dir, "ar", "directory/ke.html")
    phones = page.locator("article a[href^='tel:']")
    assert phones.count() >= 2
    for i in range(phones.count()):
        link = phones.nth(i)
        assert link.evaluate("e => getComputedStyle(e).direction") == "ltr", link.inner_text()
    # And the page itself is right-to-left around them.
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


# The countries with the most services (and the worldwide page), in every language: the longest help cards.
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("country", ["gb", "fr", "de", "nl", "br", "ke", "001"])
def test_country_page_prints_as_one_page_help_card(offline_page, site_dir, lang, country):
    page_path = f"directory/{country}.html"
    offline_page.goto((lang_root(site_dir, lang) / page_path).as_uri())
    offline_page.emulate_media(media="print")
    assert not offline_page.locator("#quick-exit").is_visible()  # no buttons on paper
    pdf = offline_page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"{lang}/{page_path} prints on {pages} pages"
