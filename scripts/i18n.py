"""Translation status: which English source each translation was made from, and whether anyone reviewed it.

Every translation records the English it was made from as a *source hash*: the first 12 hex digits of a SHA-256 of
the English content (YAML: its parsed data, so comments and layout do not count; Markdown: the text after the front
matter). When English changes, the recorded hash no longer matches and the translation is *outdated*.

Where the record lives (FORMAT.md, "Translations"):
- YAML translations (module, workshop and glossary `<lang>.yaml`, `data/directory-translations/<lang>.yaml`): a
  top-level `translation:` mapping with `source`, `status` (unreviewed | reviewed) and, once reviewed,
  `reviewed_by` and `reviewed_on`.
- Markdown pages (`docs/<lang>/*.md`): the same mapping under `translation:` in the front matter.
- Directory texts are checked one string at a time: each translated string carries the hash of its English string,
  and an outdated string is shown in English on the page (a helpline's description must not be stale).

`python -m scripts.i18n report` (`make i18n-report`) lists every translation and its state;
`python -m scripts.i18n stamp FILE...` records the current English hash in translated files after (re)translating.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts import yamlsource
from scripts.errors import ContentError, Problem

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
DEFAULT_LANGUAGE = "en"
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
STATES = ("missing", "outdated", "unreviewed", "reviewed")   # worst first
DIRECTORY_TRANSLATIONS = Path("data") / "directory-translations"
DIRECTORY_FIELDS = ("name", "description", "not_for", "note")
_HASH = re.compile(r"^[0-9a-f]{12}$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


# --- hashes ------------------------------------------------------------------------------------------------------


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def yaml_hash(data) -> str:
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "translation"}
    return text_hash(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str))


def split_front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


def markdown_hash(text: str) -> str:
    body = split_front_matter(text)[1]
    return text_hash("\n".join(line.rstrip() for line in body.strip().splitlines()))


def source_hash(path: Path) -> str:
    """The hash of an English source file, as a translation of it must record."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix == ".md":
        return markdown_hash(text)
    return yaml_hash(yaml.safe_load(text))


# --- translation units -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One translatable source: an English file and where each language's translation lives."""

    kind: str            # page | module | workshop | glossary | directory
    key: str             # e.g. "about.md", "parents-grooming"
    english: Path
    folder_style: bool   # True: <folder>/<lang>.yaml; False: docs/<lang>/<same path>
    pages: tuple = ()    # site pages (docs-relative, with {lang}) that show this unit's text

    def path(self, lang: str) -> Path:
        if self.kind == "directory":
            return self.english.parent.parent.parent / DIRECTORY_TRANSLATIONS / f"{lang}.yaml"
        if self.folder_style:
            return self.english.parent / f"{lang}.yaml"
        docs = self.english.parent
        while docs.name != DEFAULT_LANGUAGE:
            docs = docs.parent
        return docs.parent / lang / self.english.relative_to(docs)

    def page(self, lang: str) -> str | None:
        return self.pages[0].format(lang=lang) if self.pages else None


def units(root: Path = ROOT) -> list[Unit]:
    from scripts import modules  # late: scripts.modules imports scripts.i18n

    root = Path(root)
    found = []
    docs_en = root / "docs" / DEFAULT_LANGUAGE
    for path in sorted(docs_en.rglob("*.md")):
        relative = path.relative_to(docs_en).as_posix()
        found.append(Unit("page", relative, path, False, ("{lang}/" + relative,)))
    project = modules.load_project(root / "modules")
    for audience in modules.AUDIENCES:
        for module in project.modules_for(audience):
            found.append(Unit("module", module.id, module.text_path(DEFAULT_LANGUAGE), True,
                              (module.page_path("{lang}"),)))
    for workshop in sorted(project.workshops, key=lambda w: w.id):
        found.append(Unit("workshop", workshop.id, workshop.text_path(DEFAULT_LANGUAGE), True,
                          (workshop.page_path("{lang}"),)))
    if project.glossary is not None:
        found.append(Unit("glossary", "glossary", project.glossary.folder / f"{DEFAULT_LANGUAGE}.yaml", True,
                          ("{lang}/glossary.md",)))
    if (root / "data" / "directory").is_dir():
        found.append(Unit("directory", "directory", root / "data" / "directory" / "001.yaml", False,
                          ("{lang}/directory/index.md",)))
    return found


# --- records -----------------------------------------------------------------------------------------------------


def read_translation(path: Path) -> tuple[dict | None, object]:
    """(translation record or None, the translated content) of a YAML or Markdown translation."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix == ".md":
        meta, body = split_front_matter(text)
        record = meta.get("translation")
        return (record if isinstance(record, dict) else None), body
    data = yaml.safe_load(text) or {}
    record = data.get("translation") if isinstance(data, dict) else None
    return (record if isinstance(record, dict) else None), data


def record_problems(path: Path, record, line: int | None = 1, needs_source: bool = True) -> list[Problem]:
    """A translation's record must say which English it was made from and whether it was reviewed."""
    stamp = f"run `python -m scripts.i18n stamp {path}` after translating"
    if not isinstance(record, dict):
        return [Problem(path, line, f"no `translation:` record (source hash and review status); {stamp}")]
    problems = []
    if needs_source and (not isinstance(record.get("source"), str) or not _HASH.match(record["source"])):
        problems.append(Problem(path, line, f"translation.source must be the 12-character hash of the English "
                                            f"source; {stamp}"))
    status = record.get("status")
    if status not in ("unreviewed", "reviewed"):
        problems.append(Problem(path, line, f"translation.status is {status!r}; use unreviewed, or reviewed once a "
                                            "native speaker with subject knowledge has reviewed it"))
    if status == "reviewed":
        if not str(record.get("reviewed_by") or "").strip():
            problems.append(Problem(path, line, "translation.status is reviewed: add reviewed_by "
                                                "(the reviewer's name and role)"))
        try:
            dt.date.fromisoformat(str(record.get("reviewed_on")))
        except ValueError:
            problems.append(Problem(path, line, "translation.status is reviewed: add reviewed_on (YYYY-MM-DD)"))
    extra = set(record) - {"source", "status", "reviewed_by", "reviewed_on"}
    if extra:
        problems.append(Problem(path, line, f"translation has unknown keys {sorted(extra)}; allowed: source, "
                                            "status, reviewed_by, reviewed_on"))
    return problems


# --- directory texts ---------------------------------------------------------------------------------------------


def directory_strings(root: Path = ROOT) -> dict[str, str]:
    """{key: English text} for every translatable text in data/directory/*.yaml.

    Keys: "<service id>/<field>", "<service id>/contacts/<n>/label" and "<country code>/note"."""
    strings: dict[str, str] = {}
    for path in sorted((Path(root) / "data" / "directory").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        note = data.get("note")
        if isinstance(note, dict) and isinstance(note.get("en"), str):
            strings[f"{path.stem.upper()}/note"] = note["en"]
        for service in data.get("services") or []:
            sid = service.get("id")
            for name in DIRECTORY_FIELDS:
                value = service.get(name)
                if isinstance(value, dict) and isinstance(value.get("en"), str):
                    strings[f"{sid}/{name}"] = value["en"]
            for index, contact in enumerate(service.get("contacts") or []):
                label = contact.get("label")
                if isinstance(label, dict) and isinstance(label.get("en"), str):
                    strings[f"{sid}/contacts/{index}/label"] = label["en"]
    return strings


def load_directory_translation(root: Path, lang: str) -> tuple[Path, dict]:
    path = Path(root) / DIRECTORY_TRANSLATIONS / f"{lang}.yaml"
    if not path.exists():
        return path, {}
    return path, yamlsource.load(path)


def directory_translation_problems(root: Path, lang: str) -> list[Problem]:
    path, data = load_directory_translation(root, lang)
    if not path.exists():
        return []
    if not isinstance(data, dict):
        return [Problem(path, 1, "must be a mapping with `translation:` and `strings:`")]
    problems = record_problems(path, data.get("translation"), _line(data, "translation"), needs_source=False)
    english = directory_strings(root)
    strings = data.get("strings")
    if not isinstance(strings, dict):
        return problems + [Problem(path, _line(data, "strings"), "`strings:` must map each text's key to "
                                                                  "{source: <hash>, text: <translation>}")]
    for key, entry in strings.items():
        line = _line(strings, key)
        if key not in english:
            problems.append(Problem(path, line, f"{key!r} is not a text in data/directory; remove it or fix the key "
                                                "(see `python -m scripts.i18n skeleton directory {lang}`)"))
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
            problems.append(Problem(path, line, f"{key!r} needs `text:` (the translation) and `source:`"))
            continue
        if not isinstance(entry.get("source"), str) or not _HASH.match(entry["source"]):
            problems.append(Problem(path, line, f"{key!r} needs `source: {text_hash(english[key])}` (the hash of "
                                                "the English text it translates)"))
        if re.search(r"<[a-zA-Z/!]", entry["text"]):
            problems.append(Problem(path, line, f"{key!r}: plain text only; markup would show as text"))
    return problems


def directory_texts(root: Path, lang: str) -> dict[str, str]:
    """{key: translated text} for the directory strings whose translation is current; outdated ones are left out
    so the page shows the English text."""
    _, data = load_directory_translation(root, lang)
    english = directory_strings(root)
    current = {}
    for key, entry in (data.get("strings") or {}).items() if isinstance(data, dict) else []:
        if key in english and isinstance(entry, dict) and entry.get("source") == text_hash(english[key]) \
                and isinstance(entry.get("text"), str) and entry["text"].strip():
            current[key] = entry["text"]
    return current


def apply_directory_texts(root: Path, by_code: dict, languages: Sequence[str]) -> None:
    """Add each language's current directory translations to the loaded country files (in place)."""
    for lang in languages:
        if lang == DEFAULT_LANGUAGE:
            continue
        texts = directory_texts(root, lang)
        for code, country in by_code.items():
            data = country.data
            if isinstance(data.get("note"), dict) and f"{code}/note" in texts:
                data["note"][lang] = texts[f"{code}/note"]
            for service in data.get("services") or []:
                for name in DIRECTORY_FIELDS:
                    key = f"{service.get('id')}/{name}"
                    if isinstance(service.get(name), dict) and key in texts:
                        service[name][lang] = texts[key]
                for index, contact in enumerate(service.get("contacts") or []):
                    key = f"{service.get('id')}/contacts/{index}/label"
                    if isinstance(contact.get("label"), dict) and key in texts:
                        contact["label"][lang] = texts[key]


def load_ui(root: Path = ROOT) -> dict:
    """Interface words for generated pages (modules/ui.yaml): {key: {lang: text}}."""
    return yaml.safe_load((Path(root) / "modules" / "ui.yaml").read_text(encoding="utf-8")) or {}


def _line(data, key) -> int | None:
    return data.line_of(key) if hasattr(data, "line_of") else None


# --- status ------------------------------------------------------------------------------------------------------


@dataclass
class Status:
    unit: Unit
    lang: str
    state: str                                   # one of STATES
    detail: list[str] = field(default_factory=list)
    reviewed_by: str = ""
    reviewed_on: str = ""

    @property
    def path(self) -> Path:
        return self.unit.path(self.lang)


def status_of(unit: Unit, lang: str, root: Path = ROOT) -> Status:
    path = unit.path(lang)
    if not path.exists():
        return Status(unit, lang, "missing")
    record, content = read_translation(path)
    record = record or {}
    reviewed = record.get("status") == "reviewed" and record.get("reviewed_by") and record.get("reviewed_on")
    by, on = (str(record.get("reviewed_by")), str(record.get("reviewed_on"))) if reviewed else ("", "")
    if unit.kind == "directory":
        english = directory_strings(root)
        strings = content.get("strings") if isinstance(content, dict) else None
        strings = strings if isinstance(strings, dict) else {}
        missing = sorted(k for k in english if k not in strings)
        outdated = sorted(k for k in english if k in strings and isinstance(strings[k], dict)
                          and strings[k].get("source") != text_hash(english[k]))
        if outdated:
            return Status(unit, lang, "outdated", [f"outdated: {k}" for k in outdated]
                          + [f"missing: {k}" for k in missing], by, on)
        if missing:
            return Status(unit, lang, "missing", [f"missing: {k}" for k in missing], by, on)
    elif record.get("source") != source_hash(unit.english):
        return Status(unit, lang, "outdated", [f"made from English {record.get('source')}, English is now "
                                               f"{source_hash(unit.english)}"], by, on)
    return Status(unit, lang, "reviewed" if reviewed else "unreviewed", [], by, on)


def statuses(root: Path = ROOT, languages: Sequence[str] = TRANSLATED) -> list[Status]:
    return [status_of(unit, lang, root) for unit in units(root) for lang in languages
            if lang != DEFAULT_LANGUAGE]


def summary(found: Iterable[Status]) -> dict[str, dict[str, int]]:
    """{lang: {state: count}}."""
    counts: dict[str, dict[str, int]] = {}
    for status in found:
        counts.setdefault(status.lang, dict.fromkeys(STATES, 0))[status.state] += 1
    return counts


# --- notices on translated pages ------------------------------------------------------------------------------------


def page_states(root: Path = ROOT, languages: Sequence[str] = TRANSLATED) -> dict[str, Status]:
    """{docs-relative page: Status} for every translated page whose text comes from one unit."""
    found = {}
    for status in statuses(root, languages):
        page = status.unit.page(status.lang)
        if page and status.unit.kind != "directory" and status.state != "missing":
            found[page] = status
    return found


def english_href(page: str) -> str:
    """Link from a translated page ("fr/parents/grooming.md") to its English page, in the built site."""
    lang, rest = page.split("/", 1)
    html = rest[:-3] + ".html"
    return "../" * rest.count("/") + "../" + html if lang != DEFAULT_LANGUAGE else html


def notice_html(status: Status, ui: dict) -> str:
    def word(key: str) -> str:
        entry = ui.get(key) or {}
        return _escape(entry.get(status.lang) or entry.get(DEFAULT_LANGUAGE) or key)

    parts = []
    if status.state == "outdated":
        href = english_href(status.unit.page(status.lang))
        parts.append(f'<p class="hub-translation-outdated">{word("translation_outdated")} '
                     f'<a href="{href}" hreflang="en">{word("translation_read_english")}</a></p>')
    if status.state != "reviewed":
        parts.append(f"<p>{word('translation_unreviewed')}</p>")
    else:
        parts.append(f"<p>{word('translation_reviewed').format(name=_escape(status.reviewed_by), date=status.reviewed_on)}</p>")
    state = status.state
    return f'<aside class="hub-translation-notice hub-translation-notice--{state}" role="note">{"".join(parts)}</aside>'


def add_notice(markdown: str, notice: str) -> str:
    """Put the notice right after the page's first heading (or at the top when there is none)."""
    meta_end = _FRONT_MATTER.match(markdown)
    start = meta_end.end() if meta_end else 0
    heading = re.compile(r"^# .*$", re.M).search(markdown, start)
    at = heading.end() + 1 if heading else start
    return markdown[:at] + "\n" + notice + "\n\n" + markdown[at:]


def notice_transform(root: Path = ROOT, languages: Sequence[str] = TRANSLATED):
    """A function (docs path, Markdown) -> Markdown that adds the translation notice to translated pages."""
    states = page_states(root, languages)
    ui = load_ui(root)

    def transform(relative: str, markdown: str) -> str:
        status = states.get(relative)
        return add_notice(markdown, notice_html(status, ui)) if status else markdown

    return transform


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --- the translation-status page (for maintainers) ----------------------------------------------------------------


def status_page(found: list[Status], lang: str, ui: dict) -> str:
    def word(key: str, **values) -> str:
        entry = ui.get(key) or {}
        return _escape(entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key).format(**values)

    counts = summary(found)
    total = {code: sum(c.values()) for code, c in counts.items()}
    lines = [f"# {word('status_title')}", "", word("status_intro"), ""]
    header = [word("status_language"), *(word("state_" + s) for s in ("translated", *STATES))]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for code in TRANSLATED:
        c = counts.get(code, dict.fromkeys(STATES, 0))
        translated = total.get(code, 0) - c["missing"]
        lines.append(f"| {language_name(code, lang)} | {translated} / {total.get(code, 0)} | "
                     + " | ".join(str(c[s]) for s in STATES) + " |")
    lines.append("")
    for code in TRANSLATED:
        lines += [f"## {language_name(code, lang)} {{#{code}}}", ""]
        lines += ["| " + " | ".join((word("status_unit"), word("status_state"), word("status_file"))) + " |",
                  "|---|---|---|"]
        for status in (s for s in found if s.lang == code):
            page = status.unit.page(lang)
            name = _escape(status.unit.key)
            if page and status.unit.kind != "directory":
                name = f"[{name}]({_relative_link(f'{lang}/maintainers/translations.md', page)})"
            state = word("state_" + status.state)
            if status.state == "reviewed":
                state += f" ({_escape(status.reviewed_by)}, {status.reviewed_on})"
            if status.detail:
                state += "<br>" + "<br>".join(_escape(d) for d in status.detail[:5])
                if len(status.detail) > 5:
                    state += "<br>" + word("status_more", n=len(status.detail) - 5)
            lines.append(f"| {name} | {state} | `{status.path.relative_to(ROOT) if status.path.is_relative_to(ROOT) else status.path}` |")
        lines.append("")
    return "\n".join(lines)


def language_name(code: str, in_lang: str) -> str:
    """"français", "Kifaransa"...: a language's name in another language, from Babel's CLDR data."""
    from babel import Locale

    name = Locale.parse(in_lang).languages.get(code) or code
    return _escape(name[:1].upper() + name[1:])


def _relative_link(source: str, target: str) -> str:
    """Link between two pages of the same language folder ("fr/maintainers/x.md" -> "fr/about.md")."""
    return "../" * (source.count("/") - 1) + target.split("/", 1)[1]


def generate_pages(root: Path, languages: Sequence[str]) -> dict[str, str]:
    problems = translation_problems(root, [lang for lang in languages if lang != DEFAULT_LANGUAGE], directory=False)
    if problems:
        raise ContentError(problems)
    ui = load_ui(root)
    found = statuses(root)
    return {f"{lang}/maintainers/translations.md": status_page(found, lang, ui) for lang in languages}


def neutral_page(ui: dict, lang: str) -> str:
    """The quick-exit page: a plain weather page in the reader's language, with nothing that points back here."""
    def word(key: str) -> str:
        return _escape(ui[key].get(lang) or ui[key][DEFAULT_LANGUAGE])

    direction = "rtl" if lang == "ar" else "ltr"
    return (f'<!doctype html>\n<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f"<title>{word('neutral_title')}</title>\n"
            "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;"
            "color:#222;background:#fff}h1{font-weight:600}</style>\n</head>\n<body>\n"
            f"<h1>{word('neutral_title')}</h1>\n<p>{word('neutral_today')}</p>\n<p>{word('neutral_tomorrow')}</p>\n"
            "</body>\n</html>\n")


def site_files(root: Path) -> dict[str, str]:
    """{site-root path: text}: the quick-exit page of each language."""
    ui = load_ui(root)
    return {("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + "neutral.html": neutral_page(ui, lang)
            for lang in LANGUAGES}


# --- checks --------------------------------------------------------------------------------------------------------


def translation_problems(root: Path = ROOT, languages: Sequence[str] = TRANSLATED,
                         directory: bool = True) -> list[Problem]:
    """Records on Markdown translations and the directory translation files (YAML content files are checked by
    scripts.modules, which knows their structure)."""
    problems = []
    for unit in units(root):
        if unit.kind != "page":
            continue
        for lang in languages:
            path = unit.path(lang)
            if path.exists():
                record, _ = read_translation(path)
                problems += record_problems(path, record)
    for lang in languages if directory else ():  # the directory generator checks these itself during a build
        problems += directory_translation_problems(root, lang)
    docs = Path(root) / "docs"
    for lang in languages:  # a translated page without an English original can never be checked for drift
        for path in sorted((docs / lang).rglob("*.md")) if (docs / lang).is_dir() else []:
            if not (docs / DEFAULT_LANGUAGE / path.relative_to(docs / lang)).exists():
                problems.append(Problem(path, None, "has no English original in docs/en/; every page starts in "
                                                    "English so translations can be checked against it"))
    return problems


# --- stamping ------------------------------------------------------------------------------------------------------


def stamp(path: Path, root: Path = ROOT) -> str:
    """Record the current English hash in a translation file, keeping its review status (unreviewed if none).
    Returns the hash written."""
    path = Path(path).resolve()
    unit, lang = _unit_for(path, root)
    text = path.read_text(encoding="utf-8")
    if unit.kind == "directory":
        english = directory_strings(root)
        new = _stamp_directory(text, english)
        path.write_text(new, encoding="utf-8")
        return "per string"
    record, _ = read_translation(path)
    record = dict(record or {})
    record["source"] = source_hash(unit.english)
    record["status"] = record.get("status") or "unreviewed"
    block = _record_yaml(record)
    if path.suffix == ".md":
        meta_match = _FRONT_MATTER.match(text)
        body = text[meta_match.end():] if meta_match else text
        meta_text = _drop_block(meta_match.group(1) if meta_match else "", "translation")
        text = "---\n" + meta_text + block + "---\n" + body
    else:
        text = block + _drop_block(text, "translation").lstrip("\n")
    path.write_text(text, encoding="utf-8")
    return record["source"]


def _record_yaml(record: dict) -> str:
    lines = ["translation:",
             f'  source: "{record["source"]}"   # hash of the English this was translated from (scripts/i18n.py)',
             f"  status: {record['status']}   # unreviewed | reviewed (by a native speaker with subject knowledge)"]
    for key in ("reviewed_by", "reviewed_on"):
        if record.get(key):
            lines.append(f"  {key}: {json.dumps(str(record[key]), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _drop_block(text: str, key: str) -> str:
    """Remove a top-level `key:` mapping (the line and its indented or comment lines) from YAML text."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def _stamp_directory(text: str, english: dict[str, str]) -> str:
    """Set each string's `source:` to the hash of its English text (after a translator updated the text)."""
    data = yaml.safe_load(text) or {}
    strings = data.get("strings") or {}
    lines = text.splitlines(keepends=True)
    current_key = None
    for i, line in enumerate(lines):
        key_match = re.match(r'^  ("?)([^"\s][^"]*?)\1:\s*$', line)
        if key_match:
            current_key = key_match.group(2)
            continue
        source_match = re.match(r"^(    source:\s*)\S+(.*)$", line.rstrip("\n"))
        if source_match and current_key in english and current_key in strings:
            lines[i] = f'{source_match.group(1)}"{text_hash(english[current_key])}"{source_match.group(2)}\n'
    return "".join(lines)


def _unit_for(path: Path, root: Path) -> tuple[Unit, str]:
    for unit in units(root):
        for lang in TRANSLATED:
            if unit.path(lang).resolve() == path:
                return unit, lang
    raise ContentError([Problem(path, None, "is not a translation of any English source (expected "
                                            "<module folder>/<lang>.yaml, docs/<lang>/<page>.md or "
                                            f"{DIRECTORY_TRANSLATIONS}/<lang>.yaml)")])


def directory_skeleton(root: Path, lang: str) -> str:
    """A starting file for translating the directory texts into `lang`: the English as comments, empty texts."""
    lines = [f"# Directory texts in {lang}. Translate each `text`; keep `source` (the hash of the English text).",
             "# Service names stay in their official form. Regenerate with `python -m scripts.i18n skeleton "
             f"directory {lang}`.",
             "translation:", "  status: unreviewed", "strings:"]
    for key, english in directory_strings(root).items():
        lines += [f"  {key}:", f"    # en: {english}", f'    source: "{text_hash(english)}"', '    text: ""']
    return "\n".join(lines) + "\n"


# --- command line --------------------------------------------------------------------------------------------------


def report(root: Path = ROOT, stream=sys.stdout, languages: Sequence[str] = TRANSLATED) -> int:
    """Print every translation that is missing or outdated, and a summary; the number of outdated ones."""
    found = statuses(root, languages)
    width = max((len(s.unit.key) for s in found), default=10)
    attention = [s for s in found if s.state in ("missing", "outdated")]
    for status in attention:
        where = status.path.relative_to(root) if status.path.is_relative_to(root) else status.path
        print(f"{status.state.upper():9} {status.lang}  {status.unit.kind:9} {status.unit.key:{width}}  {where}",
              file=stream)
        for line in status.detail[:10]:
            print(f"{'':13}{line}", file=stream)
        if len(status.detail) > 10:
            print(f"{'':13}... and {len(status.detail) - 10} more", file=stream)
    print("", file=stream)
    print("language  " + "  ".join(f"{s:>10}" for s in STATES), file=stream)
    for lang, counts in summary(found).items():
        print(f"{lang:8}  " + "  ".join(f"{counts[s]:>10}" for s in STATES), file=stream)
    return sum(1 for s in found if s.state == "outdated")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["report"]:
        strict = "--strict" in args
        outdated = report()
        return 1 if strict and outdated else 0
    if args[:1] == ["stamp"] and len(args) > 1:
        if "--reviewed" in args:
            print("mark a review by editing translation.status, reviewed_by and reviewed_on by hand", file=sys.stderr)
            return 2
        try:
            for name in args[1:]:
                print(f"{name}: source {stamp(Path(name))}")
        except ContentError as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0
    if args[:2] == ["skeleton", "directory"] and len(args) == 3 and args[2] in TRANSLATED:
        sys.stdout.write(directory_skeleton(ROOT, args[2]))
        return 0
    if args[:1] == ["check"]:
        problems = translation_problems()
        for problem in problems:
            print(problem, file=sys.stderr)
        print("OK: translation records are fine" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    print("usage: python -m scripts.i18n report [--strict] | stamp FILE... | skeleton directory LANG | check",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
