"""Build steps around MkDocs, as plain functions (the MkDocs hook only calls these).

- `stage_docs`: copy `docs/` and add every generated page (modules, directory...) into one staging folder that MkDocs
  builds from, so mkdocs-static-i18n treats generated pages exactly like written ones.
- `split_search_index`: mkdocs-static-i18n writes one search index holding every language; each language gets its own,
  so a reader searching in French finds French pages.
- `isolate_ltr_runs`: keeps phone numbers and other digit runs left-to-right inside right-to-left text.
"""
from __future__ import annotations

import importlib
import json
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from scripts.errors import ContentError, Problem

LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
DEFAULT_LANGUAGE = "en"
RTL_LANGUAGES = frozenset({"ar"})

# Modules that turn source data into pages. Each exposes generate_pages(root, languages) -> {docs path: markdown}
# and/or site_files(root) -> {site-root path: text or bytes}.
GENERATORS = ("scripts.modules", "scripts.directory", "scripts.edition", "scripts.i18n", "scripts.kit")


def available_generators(names: Iterable[str] | None = None) -> list:
    found = []
    for name in GENERATORS if names is None else names:
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside the generator must not be hidden
                raise
    return found


def generated_pages(root: Path, languages: Sequence[str], generators: Iterable | None = None) -> dict[str, str]:
    """All generated pages; raises ContentError listing every problem of every generator."""
    pages: dict[str, str] = {}
    problems: list[Problem] = []
    for generator in generators if generators is not None else available_generators():
        if not hasattr(generator, "generate_pages"):  # some generators only add site files (e.g. PDFs)
            continue
        try:
            produced = generator.generate_pages(root, languages)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        for path in produced:
            if path in pages:
                problems.append(Problem(Path(generator.__name__.replace(".", "/") + ".py"), None,
                                        f"two generators both produce {path}; give one of them another path"))
        pages.update(produced)
    if problems:
        raise ContentError(problems)
    return pages


def generated_site_files(root: Path, generators: Iterable | None = None) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for generator in generators if generators is not None else available_generators():
        site_files: Callable | None = getattr(generator, "site_files", None)
        if site_files:
            files.update(site_files(root))
    return files


def stage_docs(source: Path, staging: Path, pages: dict[str, str],
               transform: Callable[[str, str], str] | None = None) -> None:
    """Fill `staging` with a copy of `source` plus `pages`; a generated page may not overwrite a written one.

    `transform(docs path, markdown) -> markdown`, if given, may change any page (e.g. add a translation notice)."""
    clashes = sorted(p for p in pages if (source / p).exists())
    if clashes:
        raise ContentError([Problem(source / p, None, "is also generated from data; delete one of the two")
                            for p in clashes])
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(source, staging)
    for relative, text in pages.items():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if transform is not None:
        for path in staging.rglob("*.md"):
            relative = path.relative_to(staging).as_posix()
            text = path.read_text(encoding="utf-8")
            changed = transform(relative, text)
            if changed != text:
                path.write_text(changed, encoding="utf-8")


def language_of_location(location: str, languages: Sequence[str] = LANGUAGES) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


# Lunr has stemmers for these; Swahili has none, so it is searched without stemming or stop words.
LUNR_LANGUAGES = {"en": "en", "fr": "fr", "es": "es", "pt": "pt", "ar": "ar"}


# The search index is loaded with every page, so it counts against the first-view budget (see scripts/bench.py).
# Each entry keeps its title and the opening words of its text; hundreds of country pages are found by name.
SEARCH_TEXT_WORDS = 40
SEARCH_TITLE_ONLY = ("directory/", "maintainers/")
_HTML_TAG = re.compile(r"<[^>]+>")


def compact_search_entry(doc: dict, words: int = SEARCH_TEXT_WORDS) -> dict | None:
    """A smaller copy of one search entry, or None when the entry is dropped (sections of title-only pages)."""
    location = doc["location"]
    if location.startswith(SEARCH_TITLE_ONLY) and location != "directory/index.html":
        if "#" in location:
            return None
        return {**doc, "text": ""}
    text = _HTML_TAG.sub(" ", doc.get("text", "")).split()
    shortened = " ".join(text[:words]) + (" …" if len(text) > words else "")
    return {**doc, "text": shortened}


def split_search_index(index: dict, languages: Sequence[str] = LANGUAGES) -> dict[str, dict]:
    """One compact search index per language, with locations relative to that language's root folder."""
    result = {}
    for lang in languages:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        docs = []
        for doc in index.get("docs", []):
            if language_of_location(doc["location"], languages) != lang:
                continue
            entry = compact_search_entry({**doc, "location": doc["location"][len(prefix):]})
            if entry is not None:
                docs.append(entry)
        config = dict(index.get("config", {}))
        if lang in LUNR_LANGUAGES:
            config["lang"] = [LUNR_LANGUAGES[lang]]
        else:
            config["lang"] = ["en"]
            config["pipeline"] = []
        result[lang] = {"config": config, "docs": docs}
    return result


def write_search_indexes(site_dir: Path, languages: Sequence[str] = LANGUAGES) -> None:
    """Replace the merged index with one index per language, as JSON and as the script used on file://."""
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for lang, index in split_search_index(merged, languages).items():
        folder = site_dir / ("" if lang == DEFAULT_LANGUAGE else lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


# A run of digits that may contain spaces, dots, dashes, slashes or a leading plus: phone numbers, dates, codes.
# Not inside a word or a character reference such as &#8217;.
_LTR_RUN = re.compile(r"(?<![\w#&])(?:\+?\d[\d\s\-./()]*\d|\+?\d)(?![\w;])")
_TAG = re.compile(r"(<[^>]+>)")
_SKIP_INSIDE = ("script", "style", "code", "pre", "bdi", "svg", "textarea", "title")


def isolate_ltr_runs(page_html: str) -> str:
    """Wrap digit runs found in text (not in tags, attributes or code) in <bdi dir="ltr">."""
    parts = _TAG.split(page_html)
    skipping: list[str] = []
    for i, part in enumerate(parts):
        if part.startswith("<"):
            match = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if match:
                closing, name = match.group(1) == "/", match.group(2).lower()
                if name in _SKIP_INSIDE and not part.endswith("/>"):
                    if closing:
                        if skipping and skipping[-1] == name:
                            skipping.pop()
                    else:
                        skipping.append(name)
            continue
        if skipping or not part.strip():
            continue
        parts[i] = _LTR_RUN.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', part)
    return "".join(parts)


def page_language(dest_path: str, languages: Sequence[str] = LANGUAGES) -> str:
    return language_of_location(dest_path.replace("\\", "/"), languages)


def set_document_direction(page_html: str, lang: str) -> str:
    """Give <html> its `dir` (Material only sets it on <body>), so the whole document has the right direction."""
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    return re.sub(r"<html(?![^>]*\bdir=)([^>]*)>", rf'<html\1 dir="{direction}">', page_html, count=1)


def finish_page(page_html: str, dest_path: str) -> str:
    """Everything done to a rendered page before it is written."""
    lang = page_language(dest_path)
    page_html = set_document_direction(page_html, lang)
    if lang in RTL_LANGUAGES:
        page_html = isolate_ltr_runs(page_html)
    return page_html
