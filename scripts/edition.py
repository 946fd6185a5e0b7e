"""Editions: which edition a copy of the hub is, and the changelog page of all editions.

An edition is named by its date (the newest entry of data/editions.yaml) and carries the git commit it was built
from. It is printed in every page footer (`edition_config` -> config.extra["edition"], read by
overrides/partials/copyright.html), in the ZIM metadata and in the USB bundle's names (scripts/usb_bundle.py).

Generator: `generate_pages(root, languages)` -> `<lang>/changelog.md`. Check the data: python -m scripts.edition check
"""
from __future__ import annotations

import html
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts import yamlsource
from scripts.errors import ContentError, Problem

ROOT = Path(__file__).resolve().parent.parent
EDITIONS_FILE = Path("data") / "editions.yaml"
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
DEFAULT_LANGUAGE = "en"
UNKNOWN_COMMIT = "unknown"

_TEXT_LIST = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["edition", "changes"],
        "additionalProperties": False,
        "properties": {
            "edition": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
            "changes": {
                "type": "object",
                "required": [DEFAULT_LANGUAGE],
                "additionalProperties": False,
                "properties": {lang: _TEXT_LIST for lang in LANGUAGES},
            },
        },
    },
}

# Words around the edition, in every language: page footer and changelog page.
LABELS = {
    "en": {"edition": "Edition", "source": "source version", "about": "About this edition",
           "changelog": "Editions", "current": "this edition",
           "intro": "Each edition of the hub is named by the day it was made. The edition you are reading is "
                    "shown at the foot of every page.",
           "verify": "How to check that a copy is intact"},
    "fr": {"edition": "Édition", "source": "version source", "about": "À propos de cette édition",
           "changelog": "Éditions", "current": "cette édition",
           "intro": "Chaque édition du centre porte la date du jour où elle a été faite. L'édition que vous lisez "
                    "est indiquée au bas de chaque page.",
           "verify": "Vérifier qu'une copie est intacte"},
    "es": {"edition": "Edición", "source": "versión del código", "about": "Acerca de esta edición",
           "changelog": "Ediciones", "current": "esta edición",
           "intro": "Cada edición del centro lleva la fecha del día en que se hizo. La edición que está leyendo "
                    "aparece al pie de cada página.",
           "verify": "Cómo comprobar que una copia está intacta"},
    "pt": {"edition": "Edição", "source": "versão do código", "about": "Sobre esta edição",
           "changelog": "Edições", "current": "esta edição",
           "intro": "Cada edição do centro tem a data do dia em que foi feita. A edição que está a ler aparece "
                    "no fundo de cada página.",
           "verify": "Como verificar que uma cópia está intacta"},
    "ar": {"edition": "الإصدار", "source": "نسخة المصدر", "about": "عن هذا الإصدار",
           "changelog": "الإصدارات", "current": "هذا الإصدار",
           "intro": "يحمل كل إصدار من المركز تاريخ اليوم الذي أُعدّ فيه. يظهر الإصدار الذي تقرؤه أسفل كل صفحة.",
           "verify": "كيف تتحقق من أن النسخة سليمة"},
    "sw": {"edition": "Toleo", "source": "toleo la msimbo", "about": "Kuhusu toleo hili",
           "changelog": "Matoleo", "current": "toleo hili",
           "intro": "Kila toleo la kituo hiki linaitwa kwa tarehe lilipotengenezwa. Toleo unalosoma linaonyeshwa "
                    "chini ya kila ukurasa.",
           "verify": "Jinsi ya kuthibitisha kwamba nakala iko kamili"},
}


@dataclass(frozen=True)
class Entry:
    edition: str  # YYYY-MM-DD
    changes: dict[str, list[str]]  # language -> one line per change
    line: int


@dataclass(frozen=True)
class Edition:
    """The edition being built: its name (a date) and the commit of the sources."""

    name: str
    commit: str

    @property
    def month(self) -> str:
        return self.name[:7]

    def describe(self) -> str:
        return f"edition {self.name} (commit {self.commit})"


def load_editions(root: Path = ROOT) -> list[Entry]:
    """Every edition, newest first; raises ContentError naming file:line for every problem."""
    path = Path(root) / EDITIONS_FILE
    if not path.is_file():
        raise ContentError([Problem(path, None, "is missing; it lists the editions (see README, USB edition)")])
    data = yamlsource.load(path)
    yamlsource.require_valid(data, SCHEMA, path)
    entries = [Entry(item["edition"], {k: list(v) for k, v in item["changes"].items()}, data.line_of(i))
               for i, item in enumerate(data)]
    problems = []
    for previous, entry in zip(entries, entries[1:]):
        if entry.edition >= previous.edition:
            problems.append(Problem(path, entry.line, f"edition {entry.edition} is not older than the one above "
                                                      f"it ({previous.edition}); list editions newest first, "
                                                      "one entry per date"))
    if problems:
        raise ContentError(problems)
    return entries


def git_commit(root: Path = ROOT) -> str:
    """Short commit of the sources, with -dirty when files tracked by git were changed since; or "unknown"."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                              timeout=30).stdout.strip()
    try:
        commit = git("rev-parse", "--short=7", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN_COMMIT
    return f"{commit}-dirty" if dirty else commit


def current_edition(root: Path = ROOT) -> Edition:
    return Edition(name=load_editions(root)[0].edition, commit=git_commit(root))


def edition_config(root: Path = ROOT) -> dict:
    """What page templates need: config.extra["edition"] (read by overrides/partials/copyright.html)."""
    edition = current_edition(root)
    return {"name": edition.name, "commit": edition.commit, "labels": LABELS}


def changelog_page(entries: Sequence[Entry], lang: str) -> str:
    labels = LABELS[lang]
    lines = ["---", f"title: {labels['changelog']}", "---", "", f"# {labels['changelog']} {{#editions}}", "",
             labels["intro"], "", f"[{labels['about']}](about.md) · [{labels['verify']}](about.md#verify)", ""]
    for index, entry in enumerate(entries):
        current = f" ({labels['current']})" if index == 0 else ""
        lines += [f"## {entry.edition}{current} {{#edition-{entry.edition}}}", ""]
        changes = entry.changes.get(lang)
        if changes is None:  # not translated yet: the English text, marked as English
            lines += [f'<div lang="{DEFAULT_LANGUAGE}" dir="ltr" markdown>', ""]
            changes = entry.changes[DEFAULT_LANGUAGE]
        lines += [f"- {_escape(change)}" for change in changes]
        lines += ["", "</div>", ""] if lang not in entry.changes else [""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Change notes are plain text: markup and HTML characters show as written."""
    text = html.escape(text, quote=False)
    for char in "\\`*_[]#":
        text = text.replace(char, "\\" + char)
    return text


def generate_pages(root: Path, languages: Sequence[str]) -> dict[str, str]:
    entries = load_editions(root)
    return {f"{lang}/changelog.md": changelog_page(entries, lang) for lang in languages if lang in LABELS}


def main(argv: list[str]) -> int:
    if argv[1:] != ["check"]:
        print("usage: python -m scripts.edition check", file=sys.stderr)
        return 2
    try:
        edition = current_edition(ROOT)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{EDITIONS_FILE}: fine; this build is {edition.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
