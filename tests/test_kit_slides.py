"""Slide decks (scripts/kit_slides.py): what every deck contains, and the deck in a real browser over file://.

Unit tests read the real modules in every language they have; browser tests write two decks (English and Arabic)
to a temporary folder and open them with the guarded pages of tests/conftest.py (any request that is not file://
fails the test).
"""
from __future__ import annotations

import copy
import html
import io
import re
from functools import cache
from pathlib import Path

import pytest

from scripts import kit_slides, modules
from scripts.kit_common import direction, esc, plain_html
from scripts.kit_slides import slide_deck
from tests.conftest import run_axe

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
EDITION = "2031-02-03"
SECTION = re.compile(r'<section class="slide slide--([a-z]+)" id="slide-(\d+)" aria-label="([^"]*)">(.*?)</section>',
                     re.S)
TAG = re.compile(r"<[^>]*>")


@cache
def project() -> modules.Project:
    loaded = modules.load_project(ROOT / "modules")
    assert not loaded.load_problems, loaded.load_problems
    return loaded


def pairs() -> list[tuple[str, str]]:
    return [(m.id, lang) for m in project().modules for lang in m.languages]


def ui(key: str, lang: str, **values) -> str:
    entry = project().ui[key]
    return (entry.get(lang) or entry["en"]).format(**values)


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def plain(text, sources) -> str:
    return text_of(plain_html(text, sources))


def slides_of(deck: str) -> list[dict]:
    return [{"kind": kind, "number": int(number), "label": html.unescape(label), "html": body,
             "kicker": text_of(m.group(1)) if (m := re.search(r'<p class="kicker">(.*?)</p>', body)) else "",
             "h2": text_of(m.group(1)) if (m := re.search(r"<h2[^>]*>(.*?)</h2>", body)) else ""}
            for kind, number, label, body in SECTION.findall(deck)]


def sources_of(module) -> dict:
    return {s["id"]: s for s in module.data["sources"]}


def variant(module, lang: str = "en", **changes):
    """A copy of `module` whose `lang` text (and module.yaml, under key "data") is changed."""
    copied = copy.deepcopy(module)
    copied.data.update(changes.pop("data", {}))
    copied.texts[lang].update(changes)
    return copied


def grooming():
    return project().module("parents-grooming") or next(m for m in project().modules if "ar" in m.texts)


# --- the deck's content ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("module_id,lang", pairs())
def test_every_deck_has_every_part(module_id, lang):
    module = project().module(module_id)
    text, sources = module.texts[lang], sources_of(module)
    deck = slide_deck(module, lang, project().ui, EDITION)
    slides = slides_of(deck)
    total = len(slides)
    title = plain(text["title"], sources)

    assert deck.startswith("<!doctype html>")
    assert f'<html lang="{lang}" dir="{direction(lang)}">' in deck
    assert f"<title>{esc(title)}</title>" in deck
    assert [s["number"] for s in slides] == list(range(1, total + 1))
    assert deck.count("<h1>") == 1 and "<h1>" in slides[0]["html"]
    for slide in slides:
        count = ui("slide_number", lang, n=slide["number"], total=total)
        footer = text_of(slide["html"].split('<footer class="slide-foot">')[1])
        assert footer.startswith(title) and count in footer and EDITION in footer, footer
        assert slide["label"].startswith(f"{count}: ")

    # Title, objectives, key messages (two slides when there are more than four), get help last.
    first = text_of(slides[0]["html"])
    assert ui(f"audience_{module.audience}", lang) in first and ui("minutes", lang, n=module.duration) in first
    assert ui("review_draft", lang) in first or module.data["review"]["status"] == "reviewed"
    assert slides[1]["kind"] == "objectives" and ui("objectives_intro", lang) in text_of(slides[1]["html"])
    assert all(plain(o, sources) in text_of(slides[1]["html"]) for o in text["objectives"])
    messages = [s for s in slides if s["kind"] == "messages"]
    assert len(messages) == (2 if len(text["key_messages"]) > 4 else 1)
    assert all(any(plain(k, sources) in text_of(s["html"]) for s in messages) for k in text["key_messages"])
    assert slides[-1]["kind"] == "help" and ui("get_help_text", lang) in text_of(slides[-1]["html"])

    # One activity after another, in module.yaml order, every step in full, the debrief in a Discussion box.
    activities = module.data["activities"]
    activity_slides = [s for s in slides if s["kind"] == "activity"]
    for number, meta in enumerate(activities, 1):
        activity = text["activities"][meta["id"]]
        kicker = f'{ui("slides_activity", lang, n=number, total=len(activities))} · ' \
                 f'{ui("minutes", lang, n=meta["minutes"])}'
        own = [s for s in activity_slides if s["kicker"] == kicker]
        assert own and own[0]["h2"] == plain(activity["title"], sources), kicker
        assert all(s["h2"] == ui("slides_continued", lang, title=own[0]["h2"]) for s in own[1:])
        steps: dict[int, list[str]] = {}
        for slide in own:
            for value, item in re.findall(r'<li value="(\d+)">(.*?)</li>', slide["html"], re.S):
                steps.setdefault(int(value), []).append(text_of(item).removeprefix("… "))
        assert list(steps) == list(range(1, len(activity["steps"]) + 1))
        for value, step in enumerate(activity["steps"], 1):
            assert " ".join(steps[value]) == plain(step, sources)
        if activity.get("debrief"):
            box = own[-1]["html"].split('<div class="discussion">')[1]
            assert ui("slides_discussion", lang) in text_of(box) and plain(activity["debrief"], sources) in text_of(box)
    assert len({s["kicker"] for s in activity_slides}) == len(activities)

    # One slide per scenario (its questions follow on a second slide when both do not fit).
    scenario_slides = [s for s in slides if s["kind"] == "scenario"]
    assert len({s["kicker"] for s in scenario_slides}) == len(text["scenarios"])
    for number, scenario in enumerate(text["scenarios"], 1):
        own = text_of(" ".join(s["html"] for s in scenario_slides
                               if s["kicker"] == ui("slides_scenario", lang, n=number, total=len(text["scenarios"]))))
        assert plain(scenario["story"], sources) in own
        assert all(plain(q, sources) in own for q in scenario["questions"])

    # One slide per question, options lettered, answers not revealed.
    question_slides = [s for s in slides if s["kind"] == "question"]
    assert len(question_slides) == len(module.data["knowledge_check"])
    letters = kit_slides.OPTION_LETTERS.get(lang, kit_slides.LATIN_LETTERS)
    for slide, meta in zip(question_slides, module.data["knowledge_check"]):
        question = text["knowledge_check"][meta["id"]]
        assert slide["h2"] == plain(question["question"], sources)
        shown = re.findall(r'<span class="letter" aria-hidden="true">(.*?)</span>', slide["html"])
        assert shown == letters[:len(question["options"])]
        for option in question["options"]:
            assert plain(option["text"], sources) in text_of(slide["html"])
            assert plain(option["feedback"], sources) not in text_of(slide["html"])
    assert "data-correct" not in deck and "data-answer" not in deck

    # Nothing is loaded from anywhere and nothing is stored.
    assert not re.search(r"""\b(src|srcset|action|poster)\s*=""", deck)
    # The only links are the site's safety bar: quick exit and "Get help now", in this language's folder.
    assert re.findall(r'\bhref="([^"]*)"', deck) == ["../../neutral.html", "../../get-help.html"]
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", deck)
    for word in ("url(", "@import", "@font-face", "localStorage", "sessionStorage", "document.cookie", "indexedDB",
                 "fetch(", "XMLHttpRequest", "WebSocket", "<link", "<img", "<iframe"):
        assert word not in deck, word


def test_arabic_deck_reads_right_to_left():
    module = grooming()
    deck = slide_deck(module, "ar", project().ui)
    assert '<html lang="ar" dir="rtl">' in deck
    assert '<span class="letter" aria-hidden="true">أ</span>' in deck
    assert '<span class="letter" aria-hidden="true">A</span>' not in deck
    # The "previous" button points right and "next" points left, as the deck moves right to left.
    assert re.search(r'class="deck-prev"[^>]*><span aria-hidden="true">→', deck)
    assert re.search(r'class="deck-next"[^>]*><span aria-hidden="true">←', deck)
    assert ui("slide_next", "ar") in deck and ui("slides_hint", "ar") in deck


def test_edition_only_when_given():
    module = grooming()
    assert "foot-edition" not in slide_deck(module, "en", project().ui)
    deck = slide_deck(module, "en", project().ui, EDITION)
    assert deck.count(f'<bdi dir="ltr">{EDITION}</bdi>') == len(slides_of(deck))


def test_content_is_escaped_and_markup_rendered():
    module = variant(grooming(), title="<script>alert(1)</script> **Safe** [[grooming|groomed]]")
    deck = slide_deck(module, "en", project().ui)
    assert "<script>alert(1)</script>" not in deck
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; <strong>Safe</strong> groomed</h1>" in deck
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Safe groomed</title>" in deck


def test_review_status_line():
    module = grooming()
    reviewed = variant(module, data={"review": {"status": "reviewed", "reviewed_by": "Dr A. Mensah, psychologist",
                                                "reviewed_on": "2027-01-15"}})
    first = text_of(slides_of(slide_deck(reviewed, "fr", project().ui))[0]["html"])
    assert ui("review_reviewed", "fr", name="Dr A. Mensah, psychologist", date="2027-01-15") in first
    # "reviewed" without a name and a date is still a draft.
    unnamed = variant(module, data={"review": {"status": "reviewed"}})
    assert ui("review_draft", "en") in slide_deck(unnamed, "en", project().ui)


def test_key_messages_split_over_two_slides_after_four():
    module = grooming()
    for count, expected in ((3, [3]), (4, [4]), (5, [3, 2]), (6, [3, 3])):
        messages = [f"Message number {n}." for n in range(1, count + 1)]
        slides = [s for s in slides_of(slide_deck(variant(module, key_messages=messages), "en", project().ui))
                  if s["kind"] == "messages"]
        assert [s["html"].count("<li>") for s in slides] == expected


def test_long_activity_continues_on_more_slides_without_losing_a_word():
    module = grooming()
    first_id = module.data["activities"][0]["id"]
    activity = copy.deepcopy(module.texts["en"]["activities"][first_id])
    long_step = " ".join(f"Sentence {n} of a very long step, with a few more words to make it long." for n in range(60))
    activity["steps"] = ["Short first step.", long_step, "Short last step."]
    activities = dict(module.texts["en"]["activities"], **{first_id: activity})
    deck = slide_deck(variant(module, activities=activities), "en", project().ui)
    own = [s for s in slides_of(deck) if s["kind"] == "activity" and s["kicker"].startswith(
        ui("slides_activity", "en", n=1, total=len(module.data["activities"])))]
    assert len(own) >= 4
    parts = [text_of(item) for s in own for item in re.findall(r'<li value="2">(.*?)</li>', s["html"], re.S)]
    assert len(parts) >= 3 and all(p.startswith("… ") for p in parts[1:])
    assert " ".join(p.removeprefix("… ") for p in parts) == long_step
    budget = kit_slides.CAPACITY * kit_slides.FILL
    assert all(len(p) <= budget for p in parts)


def test_missing_language_gives_the_english_deck():
    module = copy.deepcopy(grooming())
    module.texts.pop("sw", None)
    deck = slide_deck(module, "sw", project().ui)
    assert '<html lang="en" dir="ltr">' in deck
    assert f"<title>{esc(plain(module.texts['en']['title'], sources_of(module)))}</title>" in deck


def test_interface_words_exist_in_six_languages():
    source = Path(kit_slides.__file__).read_text(encoding="utf-8")
    keys = set(re.findall(r"""words(?:\.raw)?\(\s*f?["']([a-z_\-]+)["']""", source)) | {"handout_get_help_text"}
    keys |= {f"audience_{a}" for a in modules.AUDIENCES}
    for key in sorted(keys):
        entry = project().ui.get(key)
        assert isinstance(entry, dict), f"{key} missing from modules/ui.yaml"
        placeholders = set(re.findall(r"\{(\w+)\}", entry["en"]))
        for lang in modules.LANGUAGES:
            assert entry.get(lang, "").strip(), f"{key}: no {lang} text"
            assert set(re.findall(r"\{(\w+)\}", entry[lang])) == placeholders, f"{key} ({lang}): placeholders"


# --- in a browser -------------------------------------------------------------------------------------------------


@pytest.fixture
def decks(tmp_path) -> dict[str, Path]:
    module = grooming()
    paths = {}
    for lang in ("en", "ar"):
        path = tmp_path / f"{module.id}.{lang}.html"
        path.write_text(slide_deck(module, lang, project().ui, EDITION), encoding="utf-8")
        paths[lang] = path
    return paths


def visible(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('section.slide'))
        .filter(s => s.getClientRects().length && getComputedStyle(s).visibility !== 'hidden').map(s => s.id)""")


def total_slides(page) -> int:
    return page.locator("section.slide").count()


def test_keyboard_buttons_and_address_english(offline_page, decks):
    page = offline_page
    page.goto(decks["en"].as_uri())
    total = total_slides(page)
    assert visible(page) == ["slide-1"]
    assert page.evaluate("location.hash") == ""
    page.keyboard.press("ArrowRight")
    assert visible(page) == ["slide-2"] and page.evaluate("location.hash") == "#2"
    page.keyboard.press("ArrowLeft")
    assert visible(page) == ["slide-1"] and page.evaluate("location.hash") == "#1"
    page.keyboard.press("ArrowLeft")  # nothing before the first slide
    assert visible(page) == ["slide-1"]
    for key, expected in (("PageDown", 2), ("Space", 3), ("ArrowDown", 4), ("ArrowUp", 3), ("PageUp", 2)):
        page.keyboard.press(key)
        assert visible(page) == [f"slide-{expected}"], key
    page.keyboard.press("End")
    assert visible(page) == [f"slide-{total}"] and page.evaluate("location.hash") == f"#{total}"
    page.keyboard.press("ArrowRight")  # nothing after the last slide
    assert visible(page) == [f"slide-{total}"]
    page.keyboard.press("Home")
    assert visible(page) == ["slide-1"] and page.evaluate("location.hash") == "#1"

    # Buttons, named in the page's language; "previous" is disabled on the first slide, "next" on the last.
    previous = page.get_by_role("button", name=ui("slide_previous", "en"))
    following = page.get_by_role("button", name=ui("slide_next", "en"))
    assert previous.is_disabled() and following.is_enabled()
    following.click()
    following.click()
    assert visible(page) == ["slide-3"] and page.evaluate("location.hash") == "#3"
    previous.click()
    assert visible(page) == ["slide-2"]

    # The address keeps the place: a reload, a typed #5, an out-of-range number.
    page.keyboard.press("ArrowRight")
    page.reload()
    assert visible(page) == ["slide-3"]
    page.evaluate("location.hash = '#5'")
    page.wait_for_function("document.getElementById('slide-5').classList.contains('is-current')")
    assert visible(page) == ["slide-5"]
    page.goto(decks["en"].as_uri() + "#999")
    assert visible(page) == [f"slide-{total}"]
    page.goto(decks["en"].as_uri() + "#slide-4")
    assert visible(page) == ["slide-4"]
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


def test_keyboard_arabic_moves_right_to_left(offline_page, decks):
    page = offline_page
    page.goto(decks["ar"].as_uri())
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert visible(page) == ["slide-1"]
    page.keyboard.press("ArrowLeft")
    assert visible(page) == ["slide-2"] and page.evaluate("location.hash") == "#2"
    page.keyboard.press("ArrowLeft")
    assert visible(page) == ["slide-3"]
    page.keyboard.press("ArrowRight")
    assert visible(page) == ["slide-2"]
    page.keyboard.press("End")
    assert visible(page) == [f"slide-{total_slides(page)}"]
    page.keyboard.press("Home")
    assert visible(page) == ["slide-1"]
    # "Next" sits on the left in a right-to-left deck.
    following = page.get_by_role("button", name=ui("slide_next", "ar")).bounding_box()
    previous = page.get_by_role("button", name=ui("slide_previous", "ar")).bounding_box()
    assert following["x"] < previous["x"]


def test_without_javascript_every_slide_is_on_the_page(nojs_page, decks):
    for lang in ("en", "ar"):
        nojs_page.goto(decks[lang].as_uri())
        assert len(visible(nojs_page)) == total_slides(nojs_page)
        assert nojs_page.locator(".deck-nav").is_hidden()
        assert nojs_page.locator(".hint").is_hidden()


def pdf_pages(page) -> list:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages


def test_printing_gives_one_slide_per_landscape_page(offline_page, nojs_page, decks):
    for page in (offline_page, nojs_page):
        page.goto(decks["en"].as_uri() + "#4")
        total = total_slides(page)
        pages = pdf_pages(page)
        assert len(pages) == total
        width, height = (float(v) for v in pages[0].mediabox[2:])
        assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
        for number, printed in enumerate(pages, 1):
            assert ui("slide_number", "en", n=number, total=total) in " ".join(printed.extract_text().split())


def test_projector_text_is_large(offline_page, decks):
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(decks["en"].as_uri())
    first_activity = page.evaluate("document.querySelector('section.slide--activity').id")
    page.goto(decks["en"].as_uri() + "#" + first_activity.removeprefix("slide-"))
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.is-current li')).fontSize)")
    assert size >= 27.5, size




def test_accessibility_axe(offline_page, decks):
    assert AXE.exists(), "axe-core missing: run `make test-deps`"
    problems = []
    for lang in ("en", "ar"):
        offline_page.goto(decks[lang].as_uri())
        problems += [f"{lang} (one slide): {p}" for p in run_axe(offline_page)]
        offline_page.evaluate("document.documentElement.classList.remove('js')")  # every slide on the page
        problems += [f"{lang} (all slides): {p}" for p in run_axe(offline_page)]
    assert not problems, "\n".join(problems)


def test_no_slide_overflows_at_1280x720(make_offline_page, tmp_path):
    """Every slide of every deck fits a 1280x720 projector, at (almost) the full text size."""
    page = make_offline_page(viewport={"width": 1280, "height": 720})
    problems = []
    for module in project().modules:
        for lang in module.languages:
            path = tmp_path / f"{module.id}.{lang}.html"
            path.write_text(slide_deck(module, lang, project().ui, EDITION), encoding="utf-8")
            page.goto(path.as_uri())
            rows = page.evaluate("""() => {
                const out = [];
                const slides = document.querySelectorAll('section.slide');
                for (let n = 1; n <= slides.length; n++) {
                    history.replaceState(null, '', '#' + n);  // no event of its own: one fit per slide
                    window.dispatchEvent(new HashChangeEvent('hashchange'));
                    const body = slides[n - 1].querySelector('.slide-body');
                    const fit = parseFloat(body.style.getPropertyValue('--fit') || '1');
                    out.push([n, fit, body.scrollHeight > body.clientHeight + 1]);
                }
                return out;
            }""")
            problems += [f"{module.id} {lang} slide {n}: fit {fit}, overflows {over}"
                         for n, fit, over in rows if over or fit < 0.9]
    assert not problems, "\n".join(problems)
