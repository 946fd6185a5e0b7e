"""The knowledge check in a real browser (chromium over file://, every other request blocked).

Tests on the built site use the lead's `site_dir` and `offline_page` fixtures (tests/conftest.py). One more test
renders the valid fixture module into a bare HTML file, so the script is checked even before the site builds.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from scripts import modules, modules_render
from tests.conftest import run_axe

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "knowledge-check.js"
VALID = ROOT / "tests" / "fixtures" / "modules" / "valid"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"




def first_module_page(site_dir: Path) -> Path:
    catalog = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["modules"], "catalog.json lists no module"
    return site_dir / catalog["modules"][0]["path"]


def answer_and_check(page) -> None:
    """Choose a wrong then the right answer of the first question, and an answer of the second."""
    questions = page.locator(".kc-question")
    total = questions.count()
    assert total >= 5
    first = questions.nth(0)
    wrong = first.locator('input[data-correct="false"]').first
    right = first.locator('input[data-correct="true"]')
    assert first.locator(".kc-feedback").first.is_hidden()  # instant feedback replaces the <details>
    page.click(f'label[for="{wrong.get_attribute("id")}"]')
    live = first.locator(".kc-live")
    assert live.get_attribute("aria-live") == "polite"
    assert live.locator("strong").inner_text() == page.locator(".kc").get_attribute("data-kc-incorrect")
    score = page.locator(".kc-score")
    assert re.search(rf"\b0\b.*\b{total}\b", score.inner_text()), score.inner_text()
    page.click(f'label[for="{right.get_attribute("id")}"]')
    assert live.locator("strong").inner_text() == page.locator(".kc").get_attribute("data-kc-correct")
    assert re.search(rf"\b1\b.*\b{total}\b.*\b1\b", score.inner_text()), score.inner_text()
    # Keyboard: focus the second question's first answer and press Space to choose it.
    second = questions.nth(1)
    second.locator('input[type="radio"]').first.focus()
    page.keyboard.press("Space")
    assert second.locator(".kc-live").inner_text().strip()
    assert re.search(rf"\b2\b.*\b{total}\b", score.inner_text()), score.inner_text()
    # Start again clears everything.
    page.click(".kc-reset")
    assert score.inner_text() == "" and live.inner_text() == ""
    assert page.locator('.kc input[type="radio"]:checked').count() == 0


def test_knowledge_check_on_the_built_site(offline_page, site_dir):
    page = offline_page
    page.goto(first_module_page(site_dir).as_uri())
    page.locator(".kc[data-kc-ready]").wait_for()
    answer_and_check(page)


def test_knowledge_check_static_html_has_feedback_in_details(site_dir):
    html = first_module_page(site_dir).read_text(encoding="utf-8")
    options = re.findall(r'<div class="kc-option">(.*?)</details>', html, re.S)
    assert options
    for option in options:
        correct = re.search(r'data-correct="(true|false)"', option).group(1)
        assert "<details" in option and "<summary>" in option
        assert f"kc-verdict--{correct}" in option


def test_knowledge_check_without_javascript_shows_feedback(nojs_page, site_dir):
    page = nojs_page
    page.goto(first_module_page(site_dir).as_uri())
    details = page.locator(".kc-feedback").first
    assert details.is_visible()
    details.locator("summary").click()
    assert details.locator(".kc-verdict").is_visible()


def fixture_page(folder: Path) -> Path:
    project = modules.load_project(VALID)
    body = markdown.markdown(
        modules_render.module_page(project.module("parents-staying-safe"), "en", project.ui),
        extensions=["attr_list", "md_in_html", "admonition", "tables", "footnotes", "pymdownx.details", "toc"])
    path = folder / "module.html"
    path.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title></head>'
                    f'<body>{body}<script src="{SCRIPT.as_uri()}"></script></body></html>', encoding="utf-8")
    return path


def test_knowledge_check_script_on_a_rendered_fixture(offline_page, tmp_path):
    page = offline_page
    page.goto(fixture_page(tmp_path).as_uri())
    page.locator(".kc[data-kc-ready]").wait_for()
    assert page.locator(".kc-intro").inner_text().endswith("Nothing is saved.")
    answer_and_check(page)
    first = page.locator(".kc-question").nth(0)
    page.click('label[for="kc-q1-1"]')
    assert first.locator(".kc-live").inner_text().startswith("Correct. Yes. Staying calm helps")
    assert page.locator(".kc-score").inner_text() == \
        "Your score: 1 out of 5. Questions answered: 1 of 5."
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]


def pages_to_audit(site_dir: Path) -> list[str]:
    """A module page (English and Arabic), an audience index, the glossary and a workshop plan, where built."""
    catalog = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    first = catalog["modules"][0]
    names = [first["path"], f"ar/{first['path']}", f"{first['audience']}/index.html", "glossary.html",
             "workshops/index.html"]
    names += [w["path"] for w in catalog["workshops"][:1]]
    return [name for name in names if (site_dir / name).exists()]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_module_pages_pass_axe_with_answers_chosen(make_offline_page, site_dir, scheme):
    assert AXE.exists(), "axe-core missing: run `make test-deps`"
    problems = []
    for name in pages_to_audit(site_dir):
        page = make_offline_page(color_scheme=scheme)
        page.goto((site_dir / name).as_uri())
        questions = page.locator(".kc-question")
        for index in range(min(2, questions.count())):  # one wrong and one right answer shown
            flag = "false" if index == 0 else "true"
            radio = questions.nth(index).locator(f'input[data-correct="{flag}"]').first
            page.click(f'label[for="{radio.get_attribute("id")}"]')
        problems += [f"{name} [{scheme}]: {p}" for p in run_axe(page)]
    assert not problems, "\n".join(problems)
