"""Terminology lint (Luxembourg Terminology Guidelines) and readability of parents' modules."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts import modules, terminology

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ROOT / "tests" / "fixtures" / "modules" / "terminology"
REAL = modules.load_project(ROOT / "modules")


def hits(root: Path, lang: str) -> list[tuple[str, int, str]]:
    return [(Path(p.path).relative_to(root).as_posix(), p.line, p.message)
            for p in terminology.terminology_problems(root, lang)]


@pytest.mark.parametrize("lang", modules.LANGUAGES)
def test_real_content_uses_no_term_to_avoid(lang):
    if REAL.glossary is None:
        pytest.skip("modules/glossary/ does not exist yet: there is no avoid-list to check against")
    problems = terminology.terminology_problems(ROOT, lang, REAL)
    assert not problems, "\n".join(str(p) for p in problems)


def test_real_glossary_has_patterns_to_check():
    if REAL.glossary is None:
        pytest.skip("modules/glossary/ does not exist yet")
    assert terminology.avoid_rules(REAL.glossary, "en"), "the glossary's avoid-list has no English patterns"


def test_planted_hits_are_found_with_file_and_line():
    found = hits(PLANTED, "en")
    assert [(path, line) for path, line, _ in found] == [
        ("modules/parents/planted/en.yaml", 3),
        ("docs/en/planted.md", 5),
        ("data/sample.yaml", 3),
    ]
    assert 'uses "Child Porn"' in found[0][2]  # case-insensitive, reported as written
    assert 'say "Child sexual abuse material (CSAM)" instead' in found[0][2]
    assert 'uses "revenge porn"' in found[1][2]


def test_each_language_uses_its_own_patterns_and_files():
    found = hits(PLANTED, "fr")
    assert [(path, line) for path, line, _ in found] == [("modules/parents/planted/fr.yaml", 2),
                                                          ("data/sample.yaml", 3)]
    assert 'uses "Pornographie  Enfantine"' in found[0][2]
    assert "Matériel d'abus sexuels sur enfants" in found[0][2]


def test_the_glossary_itself_is_not_linted():
    assert not [p for p in hits(PLANTED, "en") if p[0].startswith("modules/glossary/")]


def test_no_glossary_means_nothing_to_check(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "page.md").write_text("child pornography\n", encoding="utf-8")
    assert terminology.terminology_problems(tmp_path, "en") == []


# --- readability ------------------------------------------------------------------------------------------------

PARENTS = [m for m in REAL.modules if m.audience == "parents" and "en" in m.texts]


@pytest.mark.parametrize("module", [pytest.param(m, id=m.id) for m in PARENTS] or [
    pytest.param(None, id="no-parents-modules", marks=pytest.mark.skip("no parents' modules yet"))])
def test_parents_module_reads_at_grade_8_or_below(module):
    grade = terminology.flesch_kincaid_grade(module)
    assert grade <= terminology.PARENTS_MAX_GRADE, (
        f"{module.id}: Flesch-Kincaid grade {grade:.1f} is above {terminology.PARENTS_MAX_GRADE:g}")


def test_grade_tells_simple_from_hard_text():
    simple = "Talk with your child. Ask what apps they like. Stay calm. Listen to them."
    hard = ("Comprehensive multidisciplinary safeguarding interventions necessitate systematic interagency "
            "coordination, institutional accountability and continuous professional development.")
    assert terminology.text_grade(simple) < 4 < 12 < terminology.text_grade(hard)


def test_plain_sentences_drop_markup_and_end_every_field():
    text = {"title": "Grooming", "objectives": ["Spot [[online-grooming]] early [@src]", "Say **no**."],
            "note": "Use [[csam|the right words]]."}
    assert terminology.plain_sentences(text) == "Grooming. Spot online grooming early. Say no. Use the right words."


def test_readability_problem_names_the_module(tmp_path):
    module = modules.Module(tmp_path / "parents" / "hard", {"id": "parents-hard"},
                            {"en": {"summary": "Comprehensive multidisciplinary safeguarding interventions "
                                               "necessitate systematic interagency coordination."}})
    project = modules.Project(tmp_path, modules=[module])
    problems = terminology.readability_problems(project)
    assert len(problems) == 1
    assert problems[0].path == tmp_path / "parents" / "hard" / "en.yaml"
    assert "Flesch-Kincaid grade" in problems[0].message
