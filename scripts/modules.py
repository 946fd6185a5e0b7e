"""Training modules, glossary and workshop plans: load, validate, and turn into site pages.

Plain functions; the MkDocs hook calls `generate_pages(root, languages)` and `site_files(root)`.
Authors run `.venv/bin/python -m scripts.modules check [PATH ...]` (see FORMAT.md for the file format).

Every problem is a `Problem(file, line, message)`; loading collects all of them and raises one ContentError.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from scripts import i18n, kit_common, yamlsource
from scripts.errors import ContentError, Problem

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
AUDIENCES = ("parents", "teachers", "social-workers")
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
DEFAULT_LANGUAGE = "en"
GLOSSARY_FOLDER = "glossary"
WORKSHOPS_FOLDER = "workshops"
MIN_QUESTIONS = 5
OBJECTIVES_RANGE = (3, 5)
KEY_MESSAGES_RANGE = (3, 6)
HANDOUT_ACTIONS_RANGE = (3, 6)
OPTIONS_RANGE = (2, 5)
MIN_GLOSSARY_TERMS = 40
SHORT_WORKSHOP_MINUTES = 90
HALF_DAY_RANGE = (180, 240)

# Inline markup allowed in text fields (FORMAT.md): [[term]] or [[term|words]], [@source] or [@a; @b], **bold**.
TERM_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
CITATION = re.compile(r"\[@([^\]]*)\]")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")


# --- data -----------------------------------------------------------------------------------------------------


@dataclass
class TranslatedSource:
    """A folder with one language-neutral YAML file and one `<lang>.yaml` text per language."""

    folder: Path
    data: dict                                            # module.yaml, terms.yaml or plan.yaml
    texts: dict[str, dict] = field(default_factory=dict)  # language -> <lang>.yaml

    def text_path(self, lang: str) -> Path:
        return self.folder / f"{lang}.yaml"

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.texts]


@dataclass
class Module(TranslatedSource):
    @property
    def audience(self) -> str:
        return self.folder.parent.name

    @property
    def slug(self) -> str:
        return self.folder.name

    @property
    def id(self) -> str:
        return str(self.data.get("id", f"{self.audience}-{self.slug}"))

    @property
    def meta_path(self) -> Path:
        return self.folder / "module.yaml"

    def page_path(self, lang: str) -> str:
        """Docs-relative Markdown path of this module's page in `lang`."""
        return f"{lang}/{self.audience}/{self.slug}.md"

    @property
    def site_path(self) -> str:
        """Path of the English page relative to the site root; other languages add "<lang>/" in front."""
        return f"{self.audience}/{self.slug}.html"

    @property
    def duration(self) -> int:
        return sum(_int(a.get("minutes")) for a in _dicts(self.data.get("activities")))

    @property
    def order(self) -> int:
        return _int(self.data.get("order"), 999)


@dataclass
class Glossary(TranslatedSource):
    @property
    def term_ids(self) -> list[str]:
        return [str(t.get("id")) for t in _dicts(self.data.get("terms"))]

    @property
    def avoid_ids(self) -> list[str]:
        return [str(t.get("id")) for t in _dicts(self.data.get("avoid"))]


@dataclass
class Workshop(TranslatedSource):
    @property
    def id(self) -> str:
        return str(self.data.get("id", self.folder.name))

    @property
    def plan_path(self) -> Path:
        return self.folder / "plan.yaml"

    def page_path(self, lang: str) -> str:
        return f"{lang}/workshops/{self.id}.md"

    @property
    def site_path(self) -> str:
        return f"workshops/{self.id}.html"


@dataclass
class Project:
    modules_dir: Path
    modules: list[Module] = field(default_factory=list)
    glossary: Glossary | None = None
    workshops: list[Workshop] = field(default_factory=list)
    ui: dict = field(default_factory=dict)
    load_problems: list[Problem] = field(default_factory=list)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def modules_for(self, audience: str) -> list[Module]:
        return sorted((m for m in self.modules if m.audience == audience), key=lambda m: (m.order, m.id))

    def workshops_for(self, audience: str) -> list[Workshop]:
        return sorted((w for w in self.workshops if w.data.get("audience") == audience), key=lambda w: w.id)


def _dicts(value) -> list[dict]:
    """The dict items of a list (ignores anything malformed, which the schema reports)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _int(value, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _line(data, *trail) -> int | None:
    return yamlsource.line_for(data, trail)


# --- loading --------------------------------------------------------------------------------------------------


def _load_yaml(path: Path, problems: list[Problem]):
    try:
        data = yamlsource.load(path)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(data, dict):
        problems.append(Problem(path, 1, "must be a mapping of fields (key: value); the file is empty or a list"))
        return None
    return data


def _load_texts(folder: Path, known: set[str], problems: list[Problem]) -> dict[str, dict]:
    """Every <lang>.yaml in `folder`; any other YAML file there (except `known`) is reported."""
    texts = {}
    for path in sorted(folder.glob("*.y*ml")):
        if path.name in known:
            continue
        lang = path.stem
        if path.suffix != ".yaml" or lang not in LANGUAGES:
            expected = ", ".join(f"{code}.yaml" for code in LANGUAGES)
            problems.append(Problem(path, None, f"unexpected file; text files are named {expected}"))
            continue
        data = _load_yaml(path, problems)
        if data is not None:
            texts[lang] = data
    return texts


def load_module(folder: Path, problems: list[Problem]) -> Module | None:
    meta_path = folder / "module.yaml"
    if not meta_path.exists():
        problems.append(Problem(folder, None, "module folder without module.yaml; add it (see modules/FORMAT.md)"))
        return None
    data = _load_yaml(meta_path, problems)
    texts = _load_texts(folder, {"module.yaml"}, problems)
    if data is None:
        return None
    return Module(folder, data, texts)


def load_glossary(folder: Path, problems: list[Problem]) -> Glossary | None:
    terms_path = folder / "terms.yaml"
    if not terms_path.exists():
        return None
    data = _load_yaml(terms_path, problems)
    texts = _load_texts(folder, {"terms.yaml"}, problems)
    return Glossary(folder, data, texts) if data is not None else None


def load_workshop(folder: Path, problems: list[Problem]) -> Workshop | None:
    plan_path = folder / "plan.yaml"
    if not plan_path.exists():
        problems.append(Problem(folder, None, "workshop folder without plan.yaml; add it (see modules/FORMAT.md)"))
        return None
    data = _load_yaml(plan_path, problems)
    texts = _load_texts(folder, {"plan.yaml"}, problems)
    return Workshop(folder, data, texts) if data is not None else None


def _module_folders(modules_dir: Path) -> Iterable[Path]:
    """Module folders are modules/<audience>/<slug>/; glossary, workshops and files at the top are not modules."""
    for audience_dir in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
        if audience_dir.name in (GLOSSARY_FOLDER, WORKSHOPS_FOLDER) or audience_dir.name.startswith((".", "_")):
            continue
        for folder in sorted(p for p in audience_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            yield folder


def load_project(modules_dir: Path, glossary_dir: Path | None = None, ui_path: Path | None = None) -> Project:
    """Read everything under `modules_dir`; problems found while reading are kept in `load_problems`."""
    modules_dir = Path(modules_dir)
    project = Project(modules_dir)
    problems = project.load_problems
    if modules_dir.is_dir():
        for folder in _module_folders(modules_dir):
            module = load_module(folder, problems)
            if module is not None:
                project.modules.append(module)
        workshops_dir = modules_dir / WORKSHOPS_FOLDER
        if workshops_dir.is_dir():
            for folder in sorted(p for p in workshops_dir.iterdir() if p.is_dir()):
                workshop = load_workshop(folder, problems)
                if workshop is not None:
                    project.workshops.append(workshop)
    project.glossary = load_glossary(Path(glossary_dir or modules_dir / GLOSSARY_FOLDER), problems)
    # Interface words belong to the engine: a folder without its own ui.yaml (a test fixture) uses the site's.
    ui_path = Path(ui_path or modules_dir / "ui.yaml")
    if not ui_path.exists():
        ui_path = ROOT / "modules" / "ui.yaml"
    if ui_path.exists():
        project.ui = _load_yaml(ui_path, problems) or {}
    return project


@cache
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


# --- checks ---------------------------------------------------------------------------------------------------


def _count_problem(path: Path, data: dict, key, items, low: int, high: int, what: str) -> list[Problem]:
    if not isinstance(items, (list, dict)):
        return []
    if low <= len(items) <= high:
        return []
    return [Problem(path, _line(data, *key), f"{what}: {len(items)} given; write {low} to {high}")]


def _duplicate_problems(path: Path, data: dict, key: str, what: str) -> list[Problem]:
    problems, seen = [], {}
    items = _list(data.get(key))
    for index, item in enumerate(items):
        if not isinstance(item, dict) or "id" not in item:
            continue
        item_id = item["id"]
        if item_id in seen:
            problems.append(Problem(path, _line(data, key, index, "id"),
                                    f"duplicate {what} id {item_id!r} (first used on line {seen[item_id]}); "
                                    "give each one its own id"))
        else:
            seen[item_id] = _line(data, key, index, "id")
    return problems


def _id_match_problems(path: Path, data: dict, key: str, got: Sequence, want: Sequence, what: str,
                       source_name: str) -> list[Problem]:
    """The ids in a text file must be exactly those of the structure file (same set; order comes from structure)."""
    problems = []
    for missing in [i for i in want if i not in got]:
        problems.append(Problem(path, _line(data, key),
                                f"{what} {missing!r} from {source_name} has no text here; add it"))
    for extra in [i for i in got if i not in want]:
        problems.append(Problem(path, _line(data, key, extra),
                                f"{what} {extra!r} is not in {source_name}; rename it to one of its ids or remove it"))
    return problems


def _markup_problems(path: Path, data, term_ids: set[str] | None, source_ids: set[str] | None,
                     glossary_path: Path) -> list[Problem]:
    """[[term]] links, [@source] citations and stray HTML, each reported on the line of its field."""
    problems = []
    missing_glossary_terms: dict[str, int | None] = {}
    for trail, text in yamlsource.walk_strings(data):
        line = yamlsource.line_for(data, trail)
        for match in TERM_LINK.finditer(text):
            term = match.group(1).strip()
            if term_ids is None:
                missing_glossary_terms.setdefault(term, line)
            elif term not in term_ids:
                where = _shown(glossary_path / "terms.yaml")
                problems.append(Problem(path, line, f"unknown glossary term [[{term}]]; use an id from {where} "
                                                    "or ask for it to be added"))
        if source_ids is not None:
            for match in CITATION.finditer(text):
                for cited in _cited_ids(match.group(1)):
                    if cited not in source_ids:
                        problems.append(Problem(path, line, f"citation [@{cited}] is not a source id in module.yaml;"
                                                            " add the source there or fix the id"))
        leftover = CITATION.sub("", TERM_LINK.sub("", text))
        if "[[" in leftover or "]]" in leftover or "[@" in leftover or leftover.count("**") % 2:
            problems.append(Problem(path, line, "unfinished markup: write [[term]], [[term|words]], [@source] or "
                                                "**bold**, with both ends"))
        tag = HTML_TAG.search(text)
        if tag:
            problems.append(Problem(path, line, f"contains HTML {tag.group(0)!r}; HTML is shown as plain text, "
                                                "not run: remove it (only **bold**, [[term]] and [@source] work)"))
    if missing_glossary_terms:
        first_line = min((ln or 0) for ln in missing_glossary_terms.values()) or None
        names = ", ".join(f"[[{t}]]" for t in missing_glossary_terms)
        where = _shown(glossary_path / "terms.yaml")
        problems.append(Problem(path, first_line, f"uses glossary terms ({names}) but the glossary {where} does "
                                                  "not exist yet; these links are checked once it is written"))
    return problems


def _shown(path: Path) -> str:
    """A path as an author would type it (relative to the current folder)."""
    return str(_relative(Path(path)))


def _cited_ids(inside: str) -> list[str]:
    """"a; @b" -> ["a", "b"] (the text inside [@...])."""
    return [part.strip().lstrip("@").strip() for part in inside.split(";") if part.strip()]


def _blank_problems(path: Path, data) -> list[Problem]:
    """Whitespace-only strings pass the schema's minLength but are still empty."""
    return [Problem(path, yamlsource.line_for(data, trail), f"{'.'.join(map(str, trail))}: must not be empty; "
                                                            "write the text or remove the entry")
            for trail, text in yamlsource.walk_strings(data) if text and not text.strip()]


def module_problems(module: Module, glossary: Glossary | None, glossary_dir: Path) -> list[Problem]:
    """Everything wrong with one module: its structure file, each text file, and how they agree."""
    data, path = module.data, module.meta_path
    problems = yamlsource.schema_problems(data, _schema("module"), path)
    problems += _blank_problems(path, data)
    if module.audience not in AUDIENCES:
        problems.append(Problem(path, _line(data, "audience"), f"module is in an unknown audience folder "
                                f"{module.audience!r}; move it under one of {', '.join(AUDIENCES)}"))
    elif data.get("audience") in AUDIENCES and data.get("audience") != module.audience:
        problems.append(Problem(path, _line(data, "audience"), f"audience is {data.get('audience')!r} but the "
                                f"module is in the folder {module.audience!r}; make them agree"))
    expected_id = f"{module.audience}-{module.slug}"
    if "id" in data and data["id"] != expected_id:
        problems.append(Problem(path, _line(data, "id"), f"id is {data['id']!r} but must be {expected_id!r} "
                                                         "(\"<audience>-<folder name>\")"))
    problems += _duration_problems(module)
    for key, what in (("activities", "activity"), ("knowledge_check", "question"), ("sources", "source")):
        problems += _duplicate_problems(path, data, key, what)
    questions = _list(data.get("knowledge_check"))
    if isinstance(data.get("knowledge_check"), list) and len(questions) < MIN_QUESTIONS:
        problems.append(Problem(path, _line(data, "knowledge_check"), f"knowledge_check has {len(questions)} "
                                f"questions; write at least {MIN_QUESTIONS}"))
    problems += _review_problems(path, data)
    term_ids = set(glossary.term_ids) if glossary else None
    for index, term in enumerate(_list(data.get("glossary_terms"))):
        if term_ids is not None and term not in term_ids:
            problems.append(Problem(path, _line(data, "glossary_terms", index), f"unknown glossary term {term!r}; "
                                    f"use an id from {_shown(glossary_dir / 'terms.yaml')}"))
    if DEFAULT_LANGUAGE not in module.texts and not module.text_path(DEFAULT_LANGUAGE).exists():
        problems.append(Problem(module.text_path(DEFAULT_LANGUAGE), None, "missing: every module needs its "
                                                                          "English text; add en.yaml"))
    for lang, text in module.texts.items():
        problems += module_text_problems(module, lang, text, term_ids, glossary_dir)
    return problems


def _duration_problems(module: Module) -> list[Problem]:
    data = module.data
    activities = _dicts(data.get("activities"))
    minutes = [_int(a.get("minutes")) for a in activities]
    declared = data.get("duration_minutes")
    if not isinstance(declared, int) or not activities or sum(minutes) == declared:
        return []
    added = " + ".join(str(m) for m in minutes)
    return [Problem(module.meta_path, _line(data, "duration_minutes"),
                    f"duration_minutes is {declared} but the activity minutes add up to {sum(minutes)} "
                    f"({added}); change the activity minutes or the duration so they agree")]


def _review_problems(path: Path, data: dict) -> list[Problem]:
    review = _dict(data.get("review"))
    if review.get("status") != "reviewed":
        return []
    return [Problem(path, _line(data, "review", "status"), f"review status is 'reviewed' but review.{key} is "
                                                           "missing; add it, or set status: draft")
            for key in ("reviewed_by", "reviewed_on") if not review.get(key)]


def module_text_problems(module: Module, lang: str, text: dict, term_ids: set[str] | None,
                         glossary_dir: Path) -> list[Problem]:
    path, data = module.text_path(lang), module.data
    problems = yamlsource.schema_problems(text, _schema("module_text"), path)
    problems += _blank_problems(path, text)
    problems += _count_problem(path, text, ("objectives",), text.get("objectives"), *OBJECTIVES_RANGE, "objectives")
    problems += _count_problem(path, text, ("key_messages",), text.get("key_messages"), *KEY_MESSAGES_RANGE,
                               "key messages")
    handout = _dict(text.get("handout"))
    problems += _count_problem(path, text, ("handout", "actions"), handout.get("actions"), *HANDOUT_ACTIONS_RANGE,
                               "handout actions")
    activity_ids = [a.get("id") for a in _dicts(data.get("activities"))]
    question_ids = [q.get("id") for q in _dicts(data.get("knowledge_check"))]
    if isinstance(text.get("activities"), dict):
        problems += _id_match_problems(path, text, "activities", list(text["activities"]), activity_ids,
                                       "activity", "module.yaml")
    questions = _dict(text.get("knowledge_check"))
    if isinstance(text.get("knowledge_check"), dict):
        problems += _id_match_problems(path, text, "knowledge_check", list(questions), question_ids,
                                       "question", "module.yaml")
    for question_id, question in questions.items():
        options = _dict(question).get("options")
        problems += _count_problem(path, text, ("knowledge_check", question_id, "options"), options,
                                   *OPTIONS_RANGE, f"options for question {question_id!r}")
    problems += _duplicate_problems(path, text, "scenarios", "scenario")
    problems += _answer_problems(module, lang, text)
    if lang != DEFAULT_LANGUAGE and DEFAULT_LANGUAGE in module.texts:
        problems += _translation_problems(path, text, module.texts[DEFAULT_LANGUAGE])
    source_ids = {s.get("id") for s in _dicts(data.get("sources"))}
    problems += _markup_problems(path, text, term_ids, source_ids, glossary_dir)
    return problems


def _answer_problems(module: Module, lang: str, text: dict) -> list[Problem]:
    """Each `answer` in module.yaml must point at an option that exists in this language's text."""
    problems = []
    questions = _dict(text.get("knowledge_check"))
    for index, question in enumerate(_list(module.data.get("knowledge_check"))):
        if not isinstance(question, dict) or not isinstance(question.get("answer"), int):
            continue
        options = _dict(questions.get(question.get("id"))).get("options")
        if not isinstance(options, list) or not options:
            continue
        answer = question["answer"]
        if not 0 <= answer < len(options):
            problems.append(Problem(module.meta_path, _line(module.data, "knowledge_check", index, "answer"),
                                    f"question {question.get('id')!r}: answer {answer} is out of range; "
                                    f"{lang}.yaml has {len(options)} options, so use 0 to {len(options) - 1} "
                                    "(answers count from 0)"))
    return problems


def _translation_problems(path: Path, text: dict, english: dict) -> list[Problem]:
    """A translation has the structure of its English source: the same keys and ids, the same number of items in
    every list (so option positions, and the correct answers stored by position, agree), the same citations in
    each text, and the same glossary links in the file."""
    problems: list[Problem] = []

    def walk(mine, theirs, trail: tuple) -> None:
        where = ".".join(str(t) for t in trail) or "the file"
        if isinstance(theirs, dict) and isinstance(mine, dict):
            keys = [k for k in theirs if k != "translation"]
            for key in keys:
                if key not in mine:
                    problems.append(Problem(path, _line(text, *trail) if trail else None,
                                            f"{where}: {key!r} is missing; en.yaml has it"))
            for key in mine:
                if key not in theirs and key != "translation":
                    problems.append(Problem(path, _line(text, *trail, key), f"{where}: {key!r} is not in en.yaml; "
                                                                            "remove it or fix the id"))
            for key in keys:
                if key in mine and not (trail[-1:] == ("patterns",) or key == "patterns"):
                    walk(mine[key], theirs[key], (*trail, key))
        elif isinstance(theirs, list) and isinstance(mine, list):
            ids_mine = [_dict(m).get("id") for m in mine]
            ids_theirs = [_dict(t).get("id") for t in theirs]
            if any(ids_theirs) and ids_mine != ids_theirs:
                problems.append(Problem(path, _line(text, *trail), f"{where}: ids {ids_mine} differ from en.yaml "
                                        f"{ids_theirs}; translate the same items in the same order"))
            elif len(mine) != len(theirs):
                problems.append(Problem(path, _line(text, *trail), f"{where} has {len(mine)} items but en.yaml has "
                                        f"{len(theirs)}; translate the same items in the same order"))
            else:
                for index, (m, t) in enumerate(zip(mine, theirs)):
                    walk(m, t, (*trail, index))
        elif isinstance(theirs, str) and isinstance(mine, str):
            cited, english_cited = _citations(mine), _citations(theirs)
            if cited != english_cited:
                problems.append(Problem(path, _line(text, *trail), f"{where}: cites {cited} but en.yaml cites "
                                        f"{english_cited} here; keep every [@source] with its fact"))

    walk(text, english, ())
    links, english_links = _linked_terms(text), _linked_terms(english)
    if links != english_links:
        missing, extra = sorted(english_links - links), sorted(links - english_links)
        problems.append(Problem(path, 1, f"glossary links differ from en.yaml (missing {missing}, extra {extra}); "
                                         "link the same terms with [[id|words]]"))
    return problems


def _citations(text: str) -> list[str]:
    return sorted(cited for match in CITATION.finditer(text) for cited in _cited_ids(match.group(1)))


def _linked_terms(data) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "translation":
                found |= _linked_terms(value)
    elif isinstance(data, list):
        for value in data:
            found |= _linked_terms(value)
    elif isinstance(data, str):
        found |= {m.group(1).strip() for m in TERM_LINK.finditer(data)}
    return found


def _record_problems(source: TranslatedSource, lang: str, text: dict) -> list[Problem]:
    """Every translation says which English it was made from and whether it was reviewed (scripts/i18n.py)."""
    path = source.text_path(lang)
    if lang == DEFAULT_LANGUAGE:
        if "translation" in text:
            return [Problem(path, _line(text, "translation"), "English is the source, not a translation: remove "
                                                              "`translation:`")]
        return []
    return i18n.record_problems(path, text.get("translation"), _line(text, "translation") or 1)


def glossary_problems(glossary: Glossary) -> list[Problem]:
    data, path = glossary.data, glossary.folder / "terms.yaml"
    problems = yamlsource.schema_problems(data, _schema("glossary_terms"), path)
    problems += _duplicate_problems(path, data, "terms", "term")
    problems += _duplicate_problems(path, data, "avoid", "avoid-list")
    term_ids, avoid_ids = glossary.term_ids, glossary.avoid_ids
    if isinstance(data.get("terms"), list) and len(term_ids) < MIN_GLOSSARY_TERMS:
        problems.append(Problem(path, _line(data, "terms"), f"has {len(term_ids)} terms; the glossary needs at "
                                                            f"least {MIN_GLOSSARY_TERMS}"))
    for both in sorted(set(term_ids) & set(avoid_ids)):
        problems.append(Problem(path, _line(data, "avoid"), f"{both!r} is both a term and a term to avoid; "
                                                            "rename one"))
    for index, term in enumerate(_dicts(data.get("terms"))):
        for other_index, other in enumerate(_list(term.get("see_also"))):
            if other not in term_ids:
                problems.append(Problem(path, _line(data, "terms", index, "see_also", other_index),
                                        f"see_also {other!r} is not a term id in this glossary"))
    for index, avoid in enumerate(_dicts(data.get("avoid"))):
        if avoid.get("use_instead") is not None and avoid.get("use_instead") not in term_ids:
            problems.append(Problem(path, _line(data, "avoid", index, "use_instead"),
                                    f"use_instead {avoid.get('use_instead')!r} is not a term id in this glossary"))
    if DEFAULT_LANGUAGE not in glossary.texts and not (glossary.folder / "en.yaml").exists():
        problems.append(Problem(glossary.folder / "en.yaml", None, "missing: the glossary needs its English text"))
    for lang, text in glossary.texts.items():
        text_path = glossary.folder / f"{lang}.yaml"
        problems += yamlsource.schema_problems(text, _schema("glossary_text"), text_path)
        problems += _blank_problems(text_path, text)
        if isinstance(text.get("terms"), dict):
            problems += _id_match_problems(text_path, text, "terms", list(text["terms"]), term_ids, "term",
                                           "terms.yaml")
        if isinstance(text.get("avoid"), dict):
            problems += _id_match_problems(text_path, text, "avoid", list(text["avoid"]), avoid_ids,
                                           "term to avoid", "terms.yaml")
        problems += _markup_problems(text_path, text.get("terms", {}), set(term_ids), None, glossary.folder)
    return problems


def workshop_problems(workshop: Workshop, project: Project) -> list[Problem]:
    data, path = workshop.data, workshop.plan_path
    problems = yamlsource.schema_problems(data, _schema("workshop_plan"), path)
    problems += _blank_problems(path, data)
    if "id" in data and data["id"] != workshop.folder.name:
        problems.append(Problem(path, _line(data, "id"), f"id is {data['id']!r} but the folder is "
                                                         f"{workshop.folder.name!r}; make them the same"))
    seen_modules: set[str] = set()
    for index, item in enumerate(_list(data.get("agenda"))):
        if not isinstance(item, dict):
            continue
        line = _line(data, "agenda", index)
        if ("segment" in item) == ("module" in item):
            problems.append(Problem(path, line, "each agenda item needs either `segment` (with `minutes`) or "
                                                "`module`, not both or neither"))
        elif "segment" in item and "minutes" not in item:
            problems.append(Problem(path, line, f"segment {item['segment']!r} needs `minutes`"))
        elif "module" in item:
            problems += _agenda_module_problems(path, line, item, data, project, seen_modules)
    total = workshop_minutes(workshop, project)
    length = data.get("length")
    if length == "short" and total != SHORT_WORKSHOP_MINUTES:
        problems.append(Problem(path, _line(data, "length"), f"a short workshop lasts exactly "
                                f"{SHORT_WORKSHOP_MINUTES} minutes, but this agenda adds up to {total}; "
                                "change the segments or the modules"))
    elif length == "half-day" and not HALF_DAY_RANGE[0] <= total <= HALF_DAY_RANGE[1]:
        problems.append(Problem(path, _line(data, "length"), f"a half-day workshop lasts {HALF_DAY_RANGE[0]} to "
                                f"{HALF_DAY_RANGE[1]} minutes, but this agenda adds up to {total}"))
    if DEFAULT_LANGUAGE not in workshop.texts and not workshop.text_path(DEFAULT_LANGUAGE).exists():
        problems.append(Problem(workshop.text_path(DEFAULT_LANGUAGE), None, "missing: every workshop plan needs "
                                                                            "its English text; add en.yaml"))
    segment_ids = list(dict.fromkeys(i["segment"] for i in _dicts(data.get("agenda")) if "segment" in i))
    term_ids = set(project.glossary.term_ids) if project.glossary else None
    glossary_dir = project.glossary.folder if project.glossary else project.modules_dir / GLOSSARY_FOLDER
    for lang, text in workshop.texts.items():
        text_path = workshop.text_path(lang)
        problems += yamlsource.schema_problems(text, _schema("workshop_text"), text_path)
        problems += _blank_problems(text_path, text)
        if isinstance(text.get("segments"), dict):
            problems += _id_match_problems(text_path, text, "segments", list(text["segments"]), segment_ids,
                                           "segment", "plan.yaml")
        problems += _markup_problems(text_path, text, term_ids, set(), glossary_dir)
    return problems


def _agenda_module_problems(path: Path, line, item: dict, data: dict, project: Project,
                            seen: set[str]) -> list[Problem]:
    module_id = item["module"]
    module = project.module(module_id)
    problems = []
    if "minutes" in item:
        problems.append(Problem(path, line, f"module {module_id!r}: remove `minutes`; a module's time comes from "
                                            "its own duration"))
    if module is None:
        problems.append(Problem(path, line, f"module {module_id!r} does not exist; use a module id such as "
                                            "'parents-grooming'"))
    elif data.get("audience") and module.audience != data.get("audience"):
        problems.append(Problem(path, line, f"module {module_id!r} is for {module.audience}, but this plan is for "
                                            f"{data.get('audience')}"))
    if module_id in seen:
        problems.append(Problem(path, line, f"module {module_id!r} appears twice in the agenda"))
    seen.add(module_id)
    return problems


def agenda(workshop: Workshop, project: Project) -> list[dict]:
    """The running order with start minutes: [{kind, id, minutes, start}] (kind is "segment" or "module")."""
    rows, start = [], 0
    for item in _dicts(workshop.data.get("agenda")):
        if "module" in item:
            module = project.module(item["module"])
            minutes = module.duration if module else 0
            rows.append({"kind": "module", "id": item["module"], "minutes": minutes, "start": start})
        else:
            minutes = _int(item.get("minutes"))
            rows.append({"kind": "segment", "id": item.get("segment"), "minutes": minutes, "start": start})
        start += minutes
    return rows


def workshop_minutes(workshop: Workshop, project: Project) -> int:
    return sum(row["minutes"] for row in agenda(workshop, project))


def ui_problems(ui: dict, path: Path) -> list[Problem]:
    problems = []
    for key, translations in ui.items():
        if not isinstance(translations, dict):
            problems.append(Problem(path, _line(ui, key), f"{key}: give one text per language "
                                                          f"({', '.join(LANGUAGES)})"))
            continue
        for lang in LANGUAGES:
            if not isinstance(translations.get(lang), str) or not translations.get(lang).strip():
                problems.append(Problem(path, _line(ui, key), f"{key}: missing the {lang} text"))
    return problems


def project_problems(project: Project) -> list[Problem]:
    """Every problem in the project, in file and line order."""
    problems = list(project.load_problems)
    glossary_dir = project.glossary.folder if project.glossary else project.modules_dir / GLOSSARY_FOLDER
    if project.glossary is not None:
        problems += glossary_problems(project.glossary)
    first_folder: dict[str, Path] = {}
    for module in project.modules:
        problems += module_problems(module, project.glossary, glossary_dir)
        if module.id in first_folder:
            problems.append(Problem(module.meta_path, _line(module.data, "id"), f"module id {module.id!r} is "
                                    f"already used by {first_folder[module.id]}; ids are unique across the project"))
        first_folder.setdefault(module.id, module.folder)
    for workshop in project.workshops:
        problems += workshop_problems(workshop, project)
    for source in [*project.modules, *project.workshops, *([project.glossary] if project.glossary else [])]:
        english = source.texts.get(DEFAULT_LANGUAGE)
        for lang, text in source.texts.items():
            problems += _record_problems(source, lang, text)
            if lang != DEFAULT_LANGUAGE and english is not None and not isinstance(source, Module):
                problems += _translation_problems(source.text_path(lang), text, english)
    if project.ui and (project.modules_dir / "ui.yaml").exists():
        problems += ui_problems(project.ui, project.modules_dir / "ui.yaml")
    return sorted(set(problems), key=lambda p: (str(p.path), p.line or 0, p.message))


def load_valid_project(modules_dir: Path) -> Project:
    """The project, or ContentError listing every problem."""
    project = load_project(modules_dir)
    problems = project_problems(project)
    if problems:
        raise ContentError(problems)
    return project


# --- site -----------------------------------------------------------------------------------------------------


def generate_pages(root: Path, languages: Sequence[str] = LANGUAGES) -> dict[str, str]:
    """{docs path: Markdown} for every module, audience index, glossary and workshop page.

    Raises ContentError listing every validation problem and every term from the glossary's avoid-list used in
    content (modules, docs/<lang>, data) in the built languages."""
    from scripts import modules_render  # rendering is split out to keep this file about data

    from scripts import terminology

    project = load_project(Path(root) / "modules")
    problems = project_problems(project)
    for lang in languages:  # FORMAT.md: a term from the avoid-list anywhere outside the glossary stops the build
        problems += terminology.terminology_problems(Path(root), lang, project)
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (str(p.path), p.line or 0, p.message)))
    return modules_render.render_pages(project, languages)


def site_files(root: Path) -> dict[str, str]:
    """{site-root path: text}: the machine-readable catalogue of modules and workshops."""
    project = load_valid_project(Path(root) / "modules")
    return {"catalog.json": json.dumps(catalog(project), ensure_ascii=False, indent=2) + "\n"}


def catalog(project: Project) -> dict:
    modules = []
    for audience in AUDIENCES:
        for module in project.modules_for(audience):
            modules.append({
                "id": module.id,
                "audience": module.audience,
                "title": {lang: t.get("title") for lang, t in _in_order(module.texts)},
                "summary": {lang: t.get("summary") for lang, t in _in_order(module.texts)},
                "duration_minutes": module.data.get("duration_minutes"),
                "age_bands": list(module.data.get("age_bands", [])),
                "objectives": {lang: list(t.get("objectives", [])) for lang, t in _in_order(module.texts)},
                "path": module.site_path,
                "languages": module.languages,
                "review_status": _dict(module.data.get("review")).get("status"),
                # Printable handout and slide deck per language ({lang: path from the site root}); scripts/kit.py
                # writes them.
                "handout_pdf": {lang: kit_common.handout_path(module.id, lang) for lang in module.languages},
                "slides": {lang: kit_common.slides_path(module.id, lang) for lang in module.languages},
            })
    workshops = []
    for workshop in sorted(project.workshops, key=lambda w: w.id):
        workshops.append({
            "id": workshop.id,
            "audience": workshop.data.get("audience"),
            "length": workshop.data.get("length"),
            "duration_minutes": workshop_minutes(workshop, project),
            "modules": [row["id"] for row in agenda(workshop, project) if row["kind"] == "module"],
            "title": {lang: t.get("title") for lang, t in _in_order(workshop.texts)},
            "summary": {lang: t.get("summary") for lang, t in _in_order(workshop.texts)},
            "path": workshop.site_path,
            "languages": workshop.languages,
        })
    return {"modules": modules, "workshops": workshops}


def _in_order(texts: dict[str, dict]) -> list[tuple[str, dict]]:
    return [(lang, texts[lang]) for lang in LANGUAGES if lang in texts]


# --- command line ---------------------------------------------------------------------------------------------


def _relative(path: Path) -> Path:
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _is_under(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == f or f in resolved.parents for f in folders)


def check(paths: Sequence[str] = (), root: Path = ROOT, stream=None) -> int:
    """Print every problem (only those under `paths`, if given) as file:line: problem; return the exit code."""
    from scripts import terminology

    stream = stream or sys.stdout
    project = load_project(Path(root) / "modules")
    problems = project_problems(project)
    for lang in LANGUAGES:
        problems += terminology.terminology_problems(root, lang, project)
    problems += terminology.readability_problems(project)
    if paths:
        folders = [Path(p).resolve() for p in paths]
        problems = [p for p in problems if _is_under(Path(p.path), folders)]
    problems = sorted(set(problems), key=lambda p: (str(p.path), p.line or 0, p.message))
    for problem in problems:
        print(Problem(_relative(Path(problem.path)), problem.line, problem.message), file=stream)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=stream)
        return 1
    if paths:
        print(f"OK: no problems in {', '.join(paths)}.", file=stream)
        return 0
    glossary = "a glossary" if project.glossary else "no glossary yet"
    print(f"OK: {len(project.modules)} modules, {len(project.workshops)} workshop plans and {glossary}; "
          "no problems found.", file=stream)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("check",):
        print("usage: python -m scripts.modules check [PATH ...]\n"
              "  Checks modules/ (modules, glossary, workshop plans) and the terminology of all content;\n"
              "  with PATHs, prints only the problems in files under them.", file=sys.stderr)
        return 2
    return check(args[1:])


if __name__ == "__main__":
    sys.exit(main())
