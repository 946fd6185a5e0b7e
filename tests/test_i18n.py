"""Translations: records of the English they were made from, drift detection, notices, parity, the status page."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts import i18n, modules
from tests.conftest import LANGUAGES, ROOT, lang_root

TRANSLATED = LANGUAGES[1:]


# --- hashes and records ---------------------------------------------------------------------------------------------


def test_yaml_hash_ignores_layout_and_comments_but_not_content(tmp_path):
    one, two, three = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    one.write_text('title: "Hello"\nsteps: [a, b]\n', encoding="utf-8")
    two.write_text("# a comment\nsteps:\n  - a\n  - b\ntitle: Hello\n", encoding="utf-8")
    three.write_text('title: "Hello!"\nsteps: [a, b]\n', encoding="utf-8")
    assert i18n.source_hash(one) == i18n.source_hash(two)
    assert i18n.source_hash(one) != i18n.source_hash(three)


def test_markdown_hash_ignores_front_matter():
    assert i18n.markdown_hash("---\ntitle: A\n---\n# Hi\n") == i18n.markdown_hash("---\ntitle: B\n---\n# Hi  \n")
    assert i18n.markdown_hash("# Hi\n") != i18n.markdown_hash("# Hello\n")


@pytest.mark.parametrize("record, fragment", [
    (None, "no `translation:` record"),
    ({"source": "xyz", "status": "unreviewed"}, "12-character hash"),
    ({"source": "0123456789ab", "status": "done"}, "translation.status is 'done'"),
    ({"source": "0123456789ab", "status": "reviewed"}, "add reviewed_by"),
    ({"source": "0123456789ab", "status": "reviewed", "reviewed_by": "A. Reviewer"}, "add reviewed_on"),
    ({"source": "0123456789ab", "status": "unreviewed", "by": "x"}, "unknown keys"),
])
def test_record_problems_say_what_to_fix(record, fragment):
    problems = i18n.record_problems(Path("fr.yaml"), record, 3)
    assert problems and all(p.line == 3 for p in problems)
    assert any(fragment in p.message for p in problems), [p.message for p in problems]


def test_a_real_review_passes():
    record = {"source": "0123456789ab", "status": "reviewed", "reviewed_by": "A. Reviewer, child protection officer",
              "reviewed_on": "2027-01-15"}
    assert i18n.record_problems(Path("fr.yaml"), record) == []


# --- drift: a fixture project where English changed after translation -------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """A tiny copy of the project: one docs page, one module, the glossary and one directory file."""
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "fr").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "page.md").write_text("---\ntitle: Page\n---\n\n# A page {#page}\n\nHello.\n",
                                                      encoding="utf-8")
    (tmp_path / "docs" / "fr" / "page.md").write_text("---\ntitle: Page\n---\n\n# Une page {#page}\n\nBonjour.\n",
                                                      encoding="utf-8")
    shutil.copytree(ROOT / "modules" / "glossary", tmp_path / "modules" / "glossary")
    shutil.copy(ROOT / "modules" / "ui.yaml", tmp_path / "modules" / "ui.yaml")
    module = tmp_path / "modules" / "parents" / "grooming"
    module.mkdir(parents=True)
    for name in ("module.yaml", "en.yaml"):
        shutil.copy(ROOT / "modules" / "parents" / "grooming" / name, module / name)
    shutil.copy(ROOT / "modules" / "parents" / "grooming" / "en.yaml", module / "fr.yaml")  # stands in for French
    (tmp_path / "data" / "directory").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "directory" / "ke.yaml", tmp_path / "data" / "directory" / "ke.yaml")
    for path in (tmp_path / "docs" / "fr" / "page.md", module / "fr.yaml"):
        i18n.stamp(path, tmp_path)
    return tmp_path


def states(root, lang="fr"):
    return {(s.unit.kind, s.unit.key): s.state for s in i18n.statuses(root, [lang])}


def test_stamped_translations_are_current(project):
    found = states(project)
    assert found[("page", "page.md")] == "unreviewed"
    assert found[("module", "parents-grooming")] == "unreviewed"
    assert found[("directory", "directory")] == "missing"


def test_stamp_keeps_the_text_and_is_idempotent(project):
    path = project / "modules" / "parents" / "grooming" / "fr.yaml"
    before = path.read_text(encoding="utf-8")
    i18n.stamp(path, project)
    assert path.read_text(encoding="utf-8") == before
    assert yaml.safe_load(before)["title"] == yaml.safe_load((ROOT / "modules/parents/grooming/en.yaml").read_text())["title"]


def test_changed_english_makes_translation_outdated_and_report_lists_it(project):
    english = project / "docs" / "en" / "page.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Hello.", "Hello, and welcome."), encoding="utf-8")
    module_en = project / "modules" / "parents" / "grooming" / "en.yaml"
    module_en.write_text(module_en.read_text(encoding="utf-8").replace("warning signs", "signs of concern", 1),
                         encoding="utf-8")
    found = states(project)
    assert found[("page", "page.md")] == "outdated"
    assert found[("module", "parents-grooming")] == "outdated"
    out = io.StringIO()
    assert i18n.report(project, out, ["fr"]) == 2
    lines = out.getvalue().splitlines()
    assert any(line.startswith("OUTDATED") and "page.md" in line and "docs/fr/page.md" in line for line in lines)
    assert any(line.startswith("OUTDATED") and "parents-grooming" in line for line in lines)
    # Re-translating and stamping makes it current again.
    i18n.stamp(project / "docs" / "fr" / "page.md", project)
    assert states(project)[("page", "page.md")] == "unreviewed"


def test_outdated_page_gets_notice_with_link_to_english(project):
    english = project / "docs" / "en" / "page.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    transform = i18n.notice_transform(project, ["fr"])
    page = (project / "docs" / "fr" / "page.md").read_text(encoding="utf-8")
    out = transform("fr/page.md", page)
    notice = out.split("# Une page {#page}\n", 1)[1]
    assert notice.lstrip().startswith('<aside class="hub-translation-notice hub-translation-notice--outdated"')
    assert 'href="../page.html" hreflang="en"' in notice
    assert "La version anglaise de cette page a été mise à jour" in notice
    assert "pas encore été relue" in notice
    assert transform("page.md", page) == page  # pages with no translation record are left alone


def test_english_href_from_translated_page():
    assert i18n.english_href("fr/page.md") == "../page.html"
    assert i18n.english_href("ar/parents/grooming.md") == "../../parents/grooming.html"


def test_directory_translation_is_per_string_and_stale_strings_fall_back_to_english(project):
    strings = i18n.directory_strings(project)
    key = "ke-116/description"
    assert key in strings
    path = project / i18n.DIRECTORY_TRANSLATIONS / "fr.yaml"
    path.parent.mkdir(parents=True)
    skeleton = i18n.directory_skeleton(project, "fr")
    path.write_text(skeleton.replace('text: ""', 'text: "Texte traduit."'), encoding="utf-8")
    assert i18n.directory_translation_problems(project, "fr") == []
    assert i18n.directory_texts(project, "fr")[key] == "Texte traduit."
    assert states(project)[("directory", "directory")] == "unreviewed"
    # English changes: that one string is outdated and no longer used.
    country = project / "data" / "directory" / "ke.yaml"
    country.write_text(country.read_text(encoding="utf-8").replace("WhatsApp was added later", "and by WhatsApp"),
                       encoding="utf-8")
    assert key not in i18n.directory_texts(project, "fr")
    status = i18n.status_of(next(u for u in i18n.units(project) if u.kind == "directory"), "fr", project)
    assert status.state == "outdated" and f"outdated: {key}" in status.detail


def test_empty_directory_text_is_a_problem_with_line(project):
    path = project / i18n.DIRECTORY_TRANSLATIONS / "fr.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(i18n.directory_skeleton(project, "fr"), encoding="utf-8")
    problems = i18n.directory_translation_problems(project, "fr")
    assert problems and all(p.line for p in problems) and "needs `text:`" in problems[0].message


def test_i18n_report_command_runs():
    result = subprocess.run([sys.executable, "-m", "scripts.i18n", "report"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "language" in result.stdout and "outdated" in result.stdout


# --- the real content: parity -------------------------------------------------------------------------------------


def test_every_translation_exists_and_is_current():
    """Done when: every source is translated into every language, made from the current English."""
    problems = [f"{s.lang} {s.unit.kind} {s.unit.key}: {s.state} ({s.path.relative_to(ROOT)})"
                for s in i18n.statuses(ROOT) if s.state in ("missing", "outdated")]
    assert not problems, "\n".join(problems)


def test_no_translation_claims_a_review_that_is_not_recorded():
    for status in i18n.statuses(ROOT):
        if status.state == "reviewed":
            assert status.reviewed_by and status.reviewed_on


def test_translation_records_and_directory_texts_are_valid():
    assert i18n.translation_problems(ROOT) == []


def test_modules_match_english_structure():
    project = modules.load_project(ROOT / "modules")
    assert modules.project_problems(project) == []
    for module in project.modules:
        english = module.texts["en"]
        for lang in TRANSLATED:
            text = module.texts[lang]
            assert list(text["activities"]) == list(english["activities"]), (module.id, lang)
            assert list(text["knowledge_check"]) == list(english["knowledge_check"]), (module.id, lang)
            for qid, question in english["knowledge_check"].items():
                assert len(text["knowledge_check"][qid]["options"]) == len(question["options"]), (module.id, lang, qid)
            assert [s["id"] for s in text["scenarios"]] == [s["id"] for s in english["scenarios"]]
            assert modules._linked_terms(text) == modules._linked_terms(english), (module.id, lang)


def test_parity_check_names_the_line_of_a_missing_option(tmp_path):
    english = yaml.safe_load((ROOT / "modules/parents/grooming/en.yaml").read_text(encoding="utf-8"))
    broken = (ROOT / "modules/parents/grooming/en.yaml").read_text(encoding="utf-8")
    path = tmp_path / "fr.yaml"
    path.write_text(broken, encoding="utf-8")
    from scripts import yamlsource

    text = yamlsource.load(path)
    del text["knowledge_check"]["q1"]["options"][-1]
    text["key_messages"][1] = text["key_messages"][1].replace("[@disrupting-harm-2022]", "")
    problems = modules._translation_problems(path, text, english)
    messages = [p.message for p in problems]
    assert any("knowledge_check.q1.options has" in m for m in messages), messages
    assert any("key_messages.1: cites []" in m for m in messages), messages
    assert all(p.line for p in problems)


# --- the built site ---------------------------------------------------------------------------------------------------


def site_pages(site, lang):
    root = lang_root(site, lang)
    skip = {root / other for other in LANGUAGES[1:]} if lang == "en" else set()
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if not any(s in p.parents for s in skip) and p.name not in ("404.html", "neutral.html")}


def test_same_pages_in_every_language(site_dir):
    english = site_pages(site_dir, "en")
    for lang in TRANSLATED:
        assert site_pages(site_dir, lang) == english, lang


def test_no_page_falls_back_to_english(site_dir):
    fallbacks = [p.relative_to(site_dir).as_posix() for lang in TRANSLATED
                 for p in lang_root(site_dir, lang).rglob("*.html")
                 if 'class="hub-fallback-notice"' in p.read_text(encoding="utf-8")]
    assert not fallbacks, fallbacks


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translated_pages_show_review_status_in_their_language(site_dir, lang):
    ui = i18n.load_ui(ROOT)
    expected = ui["translation_unreviewed"][lang]
    for page in ("index.html", "get-help.html", "about.html", "glossary.html", "parents/grooming.html",
                 "workshops/parents-90.html", "social-workers/reporting-and-referral.html"):
        html = (lang_root(site_dir, lang) / page).read_text(encoding="utf-8")
        assert 'class="hub-translation-notice' in html, (lang, page)
        assert i18n._escape(expected) in html, (lang, page)
    english = (site_dir / "parents" / "grooming.html").read_text(encoding="utf-8")
    assert "hub-translation-notice" not in english


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_is_built_for_maintainers(site_dir, lang):
    html = (lang_root(site_dir, lang) / "maintainers" / "translations.html").read_text(encoding="utf-8")
    ui = i18n.load_ui(ROOT)
    assert ui["status_title"][lang] in html
    for code in TRANSLATED:
        assert i18n.language_name(code, lang) in html
    assert "parents-grooming" in html and "modules/parents/grooming/fr.yaml" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quick_exit_goes_to_a_neutral_page_in_the_readers_language(site_dir, lang):
    root = lang_root(site_dir, lang)
    neutral = (root / "neutral.html").read_text(encoding="utf-8")
    ui = i18n.load_ui(ROOT)
    assert f'<html lang="{lang}"' in neutral and f"<h1>{i18n._escape(ui['neutral_title'][lang])}</h1>" in neutral
    assert "<a " not in neutral and "<script" not in neutral and "<link" not in neutral
    page = root / "parents" / "grooming.html"
    import re

    href = re.search(r'id="quick-exit" class="hub-safety__exit" href="([^"]+)"', page.read_text(encoding="utf-8"))
    assert (page.parent / href.group(1)).resolve() == (root / "neutral.html").resolve()


# --- terminology per language ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_language_has_its_own_avoid_list_that_spares_preferred_terms(lang):
    from scripts import terminology

    project = modules.load_project(ROOT / "modules")
    glossary = project.glossary
    text = glossary.texts[lang]
    assert set(text["avoid"]) == set(glossary.avoid_ids)
    for avoid_id, entry in text["avoid"].items():
        assert entry["patterns"], f"{lang}: {avoid_id} has no patterns"
    own = [r for r in terminology.avoid_rules(glossary, lang)
           if any(r.pattern.pattern == terminology._compile(p).pattern
                  for e in text["avoid"].values() for p in e["patterns"])]
    assert own, lang
    for term_id, term in text["terms"].items():
        for rule in own:
            assert not rule.pattern.search(term["term"]), f"{lang}: preferred term {term_id!r} matches {rule.term!r}"
            assert not rule.pattern.search(term["definition"]), f"{lang}: definition of {term_id!r} matches {rule.term!r}"
    # And each avoided term, as this language writes it, is caught by its own patterns.
    for avoid_id, entry in text["avoid"].items():
        if avoid_id in ("consensual-abuse", "paedophile-as-label"):
            continue  # described in words, not a single term
        assert any(terminology._compile(p).search(entry["term"]) for p in entry["patterns"]), (lang, avoid_id)


def test_arabic_text_points_arrows_in_reading_order():
    """Right-to-left text reads from the right: a step-to-step arrow is ←, never →."""
    files = [*ROOT.glob("modules/**/ar.yaml"), *ROOT.glob("docs/ar/*.md"), ROOT / "data/directory-translations/ar.yaml"]
    offenders = [str(p.relative_to(ROOT)) for p in files if "→" in p.read_text(encoding="utf-8")]
    assert not offenders
