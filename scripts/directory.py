"""Reporting-and-helpline directory: page generator and command line.

    python -m scripts.directory check   # every data problem as file:line: problem; exit 1 on any
    python -m scripts.directory report  # Markdown report of entries by evidence level and age
    python -m scripts.directory urls    # every external URL, one per line (for linkchecker)

The data lives in data/directory/<cc>.yaml (one file per ISO 3166-1 country, 001 = worldwide services),
the interface words in data/directory-ui.yaml; see scripts/directory_data.py for the checks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts import i18n
from scripts.errors import ContentError
from scripts.directory_data import (LANGUAGES, WORLD, check_directory, external_urls, iso_codes, load_directory,
                                    load_ui)
from scripts.directory_pages import Page, country_page, index_page, report_page

ROOT = Path(__file__).resolve().parent.parent


def generate_pages(root: Path, languages: Sequence[str], today: dt.date | None = None) -> dict[str, str]:
    """`<lang>/directory/index.md`, `<lang>/directory/<cc>.md` for every ISO code and 001, and
    `<lang>/maintainers/directory-report.md`, for each requested language the directory has words for."""
    root = Path(root)
    today = today or dt.date.today()
    by_code = load_directory(root, today=today)
    problems = [p for lang in languages for p in i18n.directory_translation_problems(root, lang)
                if lang in LANGUAGES and lang != "en"]
    if problems:
        raise ContentError(problems)
    i18n.apply_directory_texts(root, by_code, languages)
    ui = load_ui(root)
    codes = [*iso_codes(), WORLD]
    pages: dict[str, str] = {}
    for lang in languages:
        if lang not in LANGUAGES:
            continue
        page = Page(ui, lang, today)
        pages[f"{lang}/directory/index.md"] = index_page(page, iso_codes())
        for code in codes:
            pages[f"{lang}/directory/{code.lower()}.md"] = country_page(page, code, by_code)
        pages[f"{lang}/maintainers/directory-report.md"] = report_page(page, by_code, codes)
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.directory", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "report", "urls"])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    if args.command == "check":
        by_code, problems = check_directory(args.root)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s) in the directory data", file=sys.stderr)
            return 1
        services = sum(len(f.services) for f in by_code.values())
        print(f"directory OK: {len(by_code)} files, {services} services")
        return 0
    by_code = load_directory(args.root)
    if args.command == "urls":
        print("\n".join(external_urls(by_code)))
        return 0
    page = Page(load_ui(args.root), "en", dt.date.today())
    print(report_page(page, by_code, [*iso_codes(), WORLD]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
