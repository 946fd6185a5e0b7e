"""Training modules: validation (real content and a catalogue of broken fixtures), rendering, catalogue, CLI."""
from __future__ import annotations

import io
import json
import re
import shutil
import string
from pathlib import Path

import markdown
import pytest

from scripts import modules, modules_render

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "modules"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"
FIXTURE_GLOSSARY = VALID / "glossary"
SECTION_IDS = ("objectives", "activities", "knowledge-check", "facilitator-notes", "sources", "get-help")
REAL = modules.load_project(ROOT / "modules")
REAL_PROBLEMS = modules.project_problems(REAL)


def to_html(page_markdown: str) -> str:
    """Markdown -> HTML with the extensions mkdocs.yml enables (the same ones MkDocs uses on these pages)."""
    return markdown.markdown(page_markdown, extensions=[
        "attr_list", "md_in_html", "admonition", "tables", "footnotes", "pymdownx.details", "toc"])


def valid_project() -> modules.Project:
    return modules.load_project(VALID)


def broken_problems(case: str) -> list:
    project = modules.load_project(BROKEN / case, glossary_dir=FIXTURE_GLOSSARY)
    return modules.project_problems(project)


# --- real content -----------------------------------------------------------------------------------------------

real_modules = pytest.mark.skipif(not REAL.modules, reason="modules/ has no modules yet")


def module_params():
    return [pytest.param(m, id=m.id) for m in REAL.modules] or [pytest.param(None, id="no-modules",
                                                                      marks=pytest.mark.skip("no modules yet"))]


@pytest.mark.parametrize("module", module_params())
def test_real_module_validates(module):
    problems = [p for p in REAL_PROBLEMS if module.folder in Path(p.path).parents or Path(p.path) == module.folder]
    assert not problems, "\n".join(str(p) for p in problems)


@real_modules
def test_real_glossary_workshops_and_ui_validate():
    module_folders = [m.folder for m in REAL.modules]
    problems = [p for p in REAL_PROBLEMS
                if not any(f == Path(p.path) or f in Path(p.path).parents for f in module_folders)]
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("module", module_params())
def test_real_module_durations_add_up(module):
    minutes = [a["minutes"] for a in module.data["activities"]]
    assert sum(minutes) == module.data["duration_minutes"], f"{module.id}: {minutes}"


@real_modules
def test_catalog_matches_real_modules():
    catalog = modules.catalog(REAL)
    assert sorted(m["id"] for m in catalog["modules"]) == sorted(m.id for m in REAL.modules)
    for entry in catalog["modules"]:
        module = REAL.module(entry["id"])
        assert entry["audience"] == module.audience
        assert entry["path"] == f"{module.audience}/{module.slug}.html"
        assert entry["duration_minutes"] == module.data["duration_minutes"] == module.duration
        assert entry["languages"] == [lang for lang in modules.LANGUAGES if lang in module.texts]
        assert set(entry["title"]) == set(entry["languages"])
        for lang in entry["languages"]:
            assert entry["title"][lang] == module.texts[lang]["title"]
            assert entry["objectives"][lang] == list(module.texts[lang]["objectives"])
        assert entry["review_status"] == module.data["review"]["status"]


@pytest.mark.parametrize("module", module_params())
def test_real_module_pages_have_the_fixed_sections(module):
    problems = [p for p in REAL_PROBLEMS if module.folder in Path(p.path).parents]
    if problems:
        pytest.skip(f"{module.id} has problems (reported by test_real_module_validates)")
    for lang in module.languages:
        html = to_html(modules_render.module_page(module, lang, REAL.ui))
        for section_id in SECTION_IDS:
            assert f'id="{section_id}"' in html, f"{module.id} ({lang}): no #{section_id}"


# --- the valid fixture: rendering -------------------------------------------------------------------------------


def test_valid_fixture_has_no_problems():
    assert modules.project_problems(valid_project()) == []


def test_module_page_sections_facts_and_timing():
    project = valid_project()
    module = project.module("parents-staying-safe")
    page = modules_render.module_page(module, "en", project.ui)
    html = to_html(page)
    for section_id in SECTION_IDS + ("key-messages", "scenarios", "handout"):
        assert f'id="{section_id}"' in html
    assert "Parents and caregivers" in html
    assert "60 minutes" in html
    assert "8–10, 11–13 years" in html
    assert "Draft — awaiting expert review" in html
    assert "module-content-warning" in html
    # Timing table: start offsets and running totals come from the activity minutes.
    rows = re.findall(r"<tr>\s*<td>([0-9:]*)</td>\s*<td>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>",
                      html, re.S)
    assert [(r[0], r[2], r[3]) for r in rows[:3]] == [("0:00", "10", "10"), ("0:10", "30", "40"),
                                                        ("0:40", "20", "60")]
    assert '<a href="#activity-warning-signs">Warning signs</a>' in html
    assert '<a href="../glossary.md#grooming">grooming</a>' in html
    assert '(<a href="#source-weprotect-gta-2023">WeProtect Global Alliance, 2023</a>)' in html
    assert 'id="source-weprotect-gta-2023"' in html
    assert '<a href="../get-help.md">' in html and '<a href="../directory/index.md">' in html


def test_review_is_never_claimed_without_reviewer():
    project = valid_project()
    module = project.module("parents-staying-safe")
    module.data["review"] = {"status": "reviewed"}  # invalid: no name, no date
    html = to_html(modules_render.module_page(module, "en", project.ui))
    assert "Draft — awaiting expert review" in html and "Reviewed by" not in html
    module.data["review"] = {"status": "reviewed", "reviewed_by": "A. Expert, child psychologist",
                             "reviewed_on": "2027-01-15"}
    html = to_html(modules_render.module_page(module, "en", project.ui))
    assert "Reviewed by A. Expert, child psychologist on 2027-01-15" in html


def test_knowledge_check_static_html_has_feedback_in_details():
    project = valid_project()
    module = project.module("parents-staying-safe")
    html = to_html(modules_render.module_page(module, "en", project.ui))
    questions = re.findall(r'<fieldset class="kc-question" id="kc-(\w+)">(.*?)</fieldset>', html, re.S)
    assert [q for q, _ in questions] == ["q1", "q2", "q3", "q4", "q5"]
    for (qid, body), meta in zip(questions, module.data["knowledge_check"]):
        assert "<legend>" in body
        options = re.findall(r'<input type="radio" name="kc-%s"[^>]*data-correct="(\w+)"' % qid, body)
        feedback = re.findall(r'<details class="kc-feedback">.*?kc-verdict--(\w+)"><strong>(.*?)</strong>', body,
                              re.S)
        assert len(options) == len(feedback) == len(module.texts["en"]["knowledge_check"][qid]["options"])
        for index, (correct, (verdict_class, verdict)) in enumerate(zip(options, feedback)):
            right = index == meta["answer"]
            assert correct == verdict_class == ("true" if right else "false")
            assert verdict == ("Correct." if right else "Not quite.")
    assert html.count('aria-live="polite"') == len(questions) + 1  # one per question, one for the score


def test_each_label_belongs_to_its_radio_button():
    project = valid_project()
    html = to_html(modules_render.module_page(project.module("parents-staying-safe"), "en", project.ui))
    inputs = re.findall(r'<input type="radio"[^>]* id="([^"]+)"', html)
    labels = re.findall(r'<label for="([^"]+)"', html)
    assert inputs and inputs == labels and len(set(inputs)) == len(inputs)


def test_translation_page_uses_its_language_and_fixed_ids():
    project = valid_project()
    html = to_html(modules_render.module_page(project.module("parents-staying-safe"), "fr", project.ui))
    for section_id in SECTION_IDS:
        assert f'id="{section_id}"' in html
    assert "Version provisoire — en attente de relecture par des experts" in html
    assert '<a href="../glossary.md#grooming">pédopiégeage</a>' in html
    assert "Bonne réponse." in html


def test_pages_only_where_text_exists():
    pages = modules_render.render_pages(valid_project(), modules.LANGUAGES)
    assert "en/parents/staying-safe.md" in pages and "fr/parents/staying-safe.md" in pages
    assert "ar/parents/staying-safe.md" not in pages
    for lang in modules.LANGUAGES:  # index pages exist in every language; untranslated titles are marked
        for audience in modules.AUDIENCES:
            assert f"{lang}/{audience}/index.md" in pages
        assert f"{lang}/workshops/index.md" in pages
    assert "en/glossary.md" in pages and "fr/glossary.md" not in pages
    assert "en/workshops/parents-90.md" in pages and "fr/workshops/parents-90.md" not in pages
    arabic_index = to_html(pages["ar/parents/index.md"])
    marked = '<span lang="en" dir="ltr">Staying safe online: a test module</span> (بالإنجليزية)'
    assert marked in arabic_index


def test_audience_index_lists_modules_and_workshops():
    html = to_html(modules_render.render_pages(valid_project(), ["en"])["en/parents/index.md"])
    assert '<a href="staying-safe.md">Staying safe online: a test module</a>' in html
    assert "A short module used by the tests." in html
    assert "60 minutes" in html and "8–10, 11–13 years" in html
    assert '<a href="../workshops/parents-90.md">A 90-minute test session for parents</a>' in html


def test_glossary_page_has_anchors_and_terms_to_avoid():
    html = to_html(modules_render.render_pages(valid_project(), ["en"])["en/glossary.md"])
    for term_id in modules.load_project(VALID).glossary.term_ids:
        assert f'id="{term_id}"' in html
    assert 'id="terms-to-avoid"' in html
    avoid = html.split('id="terms-to-avoid"', 1)[1]
    assert "child pornography" in avoid and "It suggests consent" in avoid
    assert '<a href="#csam">Csam</a>' in avoid


def test_workshop_page_agenda_times_come_from_module_data():
    html = to_html(modules_render.render_pages(valid_project(), ["en"])["en/workshops/parents-90.md"])
    rows = re.findall(r"<tr>\s*<td>([0-9:]+)</td>\s*<td>(.*?)</td>\s*<td[^>]*>(\d+)</td>", html, re.S)
    assert [(start, minutes) for start, _, minutes in rows] == [("0:00", "10"), ("0:10", "60"), ("1:10", "20")]
    assert '<a href="../parents/staying-safe.md">' in rows[1][1]
    assert "module-content-warning" in html  # the plan includes a module that discusses abuse directly
    for section_id in ("agenda", "preparation", "ground-rules", "disclosure", "get-help"):
        assert f'id="{section_id}"' in html


def test_catalog_of_the_fixture():
    catalog = modules.catalog(valid_project())
    assert catalog["modules"] == [{
        "id": "parents-staying-safe",
        "audience": "parents",
        "title": {"en": "Staying safe online: a test module",
                  "fr": "Rester en sécurité en ligne : un module de test"},
        "summary": {"en": "A short module used by the tests. It talks about [[grooming]] and what to do.",
                    "fr": "Un court module utilisé par les tests. Il parle du [[grooming|pédopiégeage]] et de ce "
                          "qu'il faut faire."},
        "duration_minutes": 60,
        "age_bands": ["8-10", "11-13"],
        "objectives": {"en": ["Name three warning signs of [[grooming]].", "Say what to do first if you are worried.",
                              "Make a simple family plan."],
                       "fr": ["Citer trois signes d'alerte du [[grooming|pédopiégeage]].",
                              "Dire quoi faire en premier en cas d'inquiétude.", "Établir un plan familial simple."]},
        "path": "parents/staying-safe.html",
        "languages": ["en", "fr"],
        "review_status": "draft",
        "handout_pdf": {"en": "kit/handouts/parents-staying-safe.pdf", "fr": "fr/kit/handouts/parents-staying-safe.pdf"},
        "slides": {"en": "kit/slides/parents-staying-safe.html", "fr": "fr/kit/slides/parents-staying-safe.html"},
    }]
    workshop = catalog["workshops"][0]
    assert workshop["id"] == "parents-90" and workshop["duration_minutes"] == 90
    assert workshop["modules"] == ["parents-staying-safe"] and workshop["path"] == "workshops/parents-90.html"
    json.dumps(catalog)  # serialisable as it is


def test_generate_pages_and_site_files_on_a_project_root(tmp_path):
    shutil.copytree(VALID, tmp_path / "modules")
    pages = modules.generate_pages(tmp_path, ["en", "fr"])
    assert "en/parents/staying-safe.md" in pages and "fr/parents/staying-safe.md" in pages
    files = modules.site_files(tmp_path)
    assert json.loads(files["catalog.json"])["modules"][0]["id"] == "parents-staying-safe"


def test_generate_pages_raises_every_problem_at_once(tmp_path):
    shutil.copytree(BROKEN / "source-incomplete", tmp_path / "modules")
    shutil.copytree(FIXTURE_GLOSSARY, tmp_path / "modules" / "glossary")
    with pytest.raises(modules.ContentError) as caught:
        modules.generate_pages(tmp_path, ["en"])
    messages = [p.message for p in caught.value.problems]
    assert any("'publisher' is a required property" in m for m in messages)
    assert any("'url' is a required property" in m for m in messages)


# --- escaping ---------------------------------------------------------------------------------------------------


def test_script_in_a_field_renders_escaped():
    project = modules.load_project(BROKEN / "script-in-field", glossary_dir=FIXTURE_GLOSSARY)
    module = project.module("parents-staying-safe")
    html = to_html(modules_render.module_page(module, "en", project.ui))
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Staying safe online" in html


@pytest.mark.parametrize("text, shown", [
    ("<b>bold</b> & <img src=x onerror=alert(1)>", "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"),
    ("*not emphasis* and _not_ either", "*not emphasis* and _not_ either"),
    ("[a link](https://example.org) ![image](x.png)", "[a link](https://example.org) ![image](x.png)"),
    ("# not a heading", "# not a heading"),
    ("1. not a list", "1. not a list"),
    ("- not a list", "- not a list"),
    ("`code` {#id} | pipe", "`code` {#id} | pipe"),
])
def test_content_markdown_and_html_stay_literal(text, shown):
    html = to_html(modules_render.Inline()(text))
    assert html == f"<p>{shown}</p>"


def test_inline_markup():
    inline = modules_render.Inline("../glossary.md", {"s1": {"publisher": "UNICEF", "year": 2021},
                                                      "s2": {"publisher": "WHO", "year": 2020}})
    html = to_html(inline("A **key** word: [[csam|material]], [[online-grooming]] [@s1; @s2]."))
    assert html == ('<p>A <strong>key</strong> word: <a href="../glossary.md#csam">material</a>, '
                    '<a href="../glossary.md#online-grooming">online grooming</a> '
                    '(<a href="#s1-placeholder">UNICEF, 2021</a>; <a href="#s2-placeholder">WHO, 2020</a>).</p>'
                    .replace("#s1-placeholder", "#source-s1").replace("#s2-placeholder", "#source-s2"))


# --- the catalogue of broken fixtures ---------------------------------------------------------------------------

MODULE = "parents/staying-safe"
BROKEN_CASES = [
    # case folder, file (relative to the case), line, words the message must contain
    ("yaml-syntax", f"{MODULE}/en.yaml", 2, ["YAML syntax error", "mapping values are not allowed"]),
    ("missing-field", f"{MODULE}/module.yaml", 2, ["'age_bands' is a required property"]),
    ("unknown-audience", "grandparents/staying-safe/module.yaml", 3,
     ["'grandparents' is not allowed", "parents", "teachers", "social-workers"]),
    ("unknown-audience", "grandparents/staying-safe/module.yaml", 3, ["unknown audience folder 'grandparents'"]),
    ("minutes-mismatch", f"{MODULE}/module.yaml", 5, ["duration_minutes is 60", "add up to 55", "10 + 25 + 20"]),
    ("answer-out-of-range", f"{MODULE}/module.yaml", 20, ["'q1'", "answer 3 is out of range", "use 0 to 2"]),
    ("duplicate-id", f"{MODULE}/module.yaml", 16, ["duplicate activity id 'opening'", "line 12"]),
    ("unknown-glossary-term", f"{MODULE}/en.yaml", 2, ["unknown glossary term [[groomin]]"]),
    ("empty-objective", f"{MODULE}/en.yaml", 5, ["objectives.1", "must not be empty"]),
    ("source-incomplete", f"{MODULE}/module.yaml", 30, ["sources.0", "'publisher' is a required property"]),
    ("source-incomplete", f"{MODULE}/module.yaml", 30, ["sources.0", "'url' is a required property"]),
    ("script-in-field", f"{MODULE}/en.yaml", 1, ["contains HTML '<script>'", "shown as plain text"]),
    ("http-url", f"{MODULE}/module.yaml", 34, ["sources.0.url", "must be an https:// address"]),
    ("missing-section", f"{MODULE}/en.yaml", 1, ["'facilitator_notes' is a required property"]),
    ("too-few-questions", f"{MODULE}/module.yaml", 18, ["knowledge_check has 4 questions", "at least 5"]),
    ("missing-feedback", f"{MODULE}/en.yaml", 50, ["knowledge_check.q2.options.1", "'feedback' is a required"]),
    ("reviewed-without-reviewer", f"{MODULE}/module.yaml", 9, ["'reviewed'", "review.reviewed_by is missing"]),
    ("reviewed-without-reviewer", f"{MODULE}/module.yaml", 9, ["'reviewed'", "review.reviewed_on is missing"]),
    ("unknown-citation", f"{MODULE}/en.yaml", 24, ["citation [@weprotect-2099]", "not a source id"]),
    ("translation-options", f"{MODULE}/fr.yaml", 38, ["knowledge_check.q1.options has 2 items", "en.yaml has 3"]),
    ("id-mismatch", f"{MODULE}/module.yaml", 2, ["'parents-safety'", "must be 'parents-staying-safe'"]),
    ("too-few-objectives", f"{MODULE}/en.yaml", 3, ["objectives: 1 given", "write 3 to 5"]),
    ("workshop-minutes", "workshops/parents-90/plan.yaml", 3, ["exactly 90 minutes", "adds up to 95"]),
    ("workshop-audience", "workshops/parents-90/plan.yaml", 7,
     ["'parents-staying-safe' is for parents", "plan is for teachers"]),
]


@pytest.mark.parametrize("case, relative, line, words", BROKEN_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(BROKEN_CASES)])
def test_broken_fixture_reports_file_line_and_problem(case, relative, line, words):
    problems = broken_problems(case)
    expected_path = BROKEN / case / relative
    found = [p for p in problems if Path(p.path) == expected_path and p.line == line
             and all(w in p.message for w in words)]
    assert found, f"expected {relative}:{line} with {words}; got:\n" + "\n".join(str(p) for p in problems)
    assert str(found[0]).startswith(f"{expected_path}:{line}: ")


def test_every_broken_fixture_is_in_the_catalogue_and_fails():
    folders = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
    assert len(folders) >= 12
    assert folders == sorted({case for case, *_ in BROKEN_CASES})
    for folder in folders:
        assert broken_problems(folder), f"{folder} has no problem"


def test_missing_glossary_is_reported_clearly(tmp_path):
    project = modules.load_project(VALID, glossary_dir=tmp_path / "glossary")
    problems = [p for p in modules.project_problems(project) if "does not exist yet" in p.message]
    assert problems and all("[[grooming]]" in p.message for p in problems)
    assert {Path(p.path).name for p in problems} == {"en.yaml", "fr.yaml"}


def test_translation_must_have_the_same_ids(tmp_path):
    shutil.copytree(VALID, tmp_path / "modules")
    french = tmp_path / "modules" / MODULE / "fr.yaml"
    french.write_text(french.read_text(encoding="utf-8").replace("  family-plan:", "  plan-familial:"),
                      encoding="utf-8")
    problems = modules.project_problems(modules.load_project(tmp_path / "modules"))
    messages = [str(p) for p in problems if Path(p.path) == french]
    assert any("'plan-familial' is not in module.yaml" in m for m in messages), messages
    assert any("'family-plan' from module.yaml has no text here" in m for m in messages), messages


def test_module_ids_are_unique_across_the_project(tmp_path):
    shutil.copytree(VALID, tmp_path / "modules")
    copy = tmp_path / "modules" / "parents" / "staying-safe-copy"
    shutil.copytree(tmp_path / "modules" / MODULE, copy)
    problems = modules.project_problems(modules.load_project(tmp_path / "modules"))
    assert any("already used by" in p.message and Path(p.path) == copy / "module.yaml" for p in problems)


# --- command line -----------------------------------------------------------------------------------------------


def test_check_command_passes_on_valid_content(tmp_path):
    shutil.copytree(VALID, tmp_path / "modules")
    out = io.StringIO()
    assert modules.check([], root=tmp_path, stream=out) == 0
    assert out.getvalue().startswith("OK: 1 modules, 1 workshop plans")
    assert len(out.getvalue().splitlines()) == 1


def test_check_command_prints_file_line_problem(tmp_path):
    shutil.copytree(BROKEN / "minutes-mismatch", tmp_path / "modules")
    shutil.copytree(FIXTURE_GLOSSARY, tmp_path / "modules" / "glossary")
    out = io.StringIO()
    assert modules.check([str(tmp_path / "modules" / "parents")], root=tmp_path, stream=out) == 1
    lines = out.getvalue().splitlines()
    assert re.match(r".*parents/staying-safe/module\.yaml:5: duration_minutes is 60", lines[0])
    assert lines[-1] == "1 problem(s) found."


def test_check_command_filters_by_path(tmp_path):
    shutil.copytree(BROKEN / "minutes-mismatch", tmp_path / "modules")
    shutil.copytree(FIXTURE_GLOSSARY, tmp_path / "modules" / "glossary")
    out = io.StringIO()
    assert modules.check([str(tmp_path / "modules" / "glossary")], root=tmp_path, stream=out) == 0
    assert out.getvalue() == f"OK: no problems in {tmp_path / 'modules' / 'glossary'}.\n"


def test_unfinished_markup_is_reported(tmp_path):
    shutil.copytree(VALID, tmp_path / "modules")
    english = tmp_path / "modules" / MODULE / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("It talks about [[grooming]]",
                                                                   "It talks about [[grooming] and **this"),
                       encoding="utf-8")
    problems = modules.project_problems(modules.load_project(tmp_path / "modules"))
    assert [(Path(p.path).name, p.line) for p in problems if "unfinished markup" in p.message] == [("en.yaml", 2)]


def test_generate_pages_stops_on_a_term_to_avoid(tmp_path):
    shutil.copytree(VALID, tmp_path / "modules")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "page.md").write_text("# Page\n\nNo revenge porn here.\n", encoding="utf-8")
    with pytest.raises(modules.ContentError) as caught:
        modules.generate_pages(tmp_path, ["en"])
    assert [(Path(p.path).name, p.line) for p in caught.value.problems] == [("page.md", 3)]


# --- interface words --------------------------------------------------------------------------------------------


def test_ui_strings_exist_in_every_language_with_the_same_placeholders():
    ui = REAL.ui
    assert modules.ui_problems(ui, ROOT / "modules" / "ui.yaml") == []
    for key, texts in ui.items():
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in texts}
        assert all(f == fields["en"] for f in fields.values()), f"{key}: {fields}"


def test_every_ui_string_the_renderer_uses_exists():
    source = (ROOT / "scripts" / "modules_render.py").read_text(encoding="utf-8")
    used = {k for k in re.findall(r'ui(?:\.attr|\.raw)?\(\s*["\'](\w[\w-]*)["\']', source) if not k.endswith("_")}
    used |= {f"audience_{a}" for a in modules.AUDIENCES} | {f"intro_{a}" for a in modules.AUDIENCES}
    used |= {"length_short", "length_half-day"}
    assert used - set(REAL.ui) == set()
